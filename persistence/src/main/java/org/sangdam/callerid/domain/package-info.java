/** Caller-ID registration rules (R1.5). Pure Java: no Jakarta import. */
package org.sangdam.callerid.domain;
