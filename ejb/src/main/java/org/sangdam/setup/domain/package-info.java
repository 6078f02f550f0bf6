/** Start-up account rules. Pure Java: no Jakarta import. */
package org.sangdam.setup.domain;
