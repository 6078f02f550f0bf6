/**
 * Phone numbers and extensions: what is valid and the one form we store.
 * Pure Java: no Jakarta import.
 */
package org.sangdam.phone.domain;
