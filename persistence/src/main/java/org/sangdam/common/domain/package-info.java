/**
 * Errors shared by every domain. Pure Java: no Jakarta import (checked by ArchUnit).
 */
package org.sangdam.common.domain;
