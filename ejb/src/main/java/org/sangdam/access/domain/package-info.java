/** Who may do what to which service's data. Pure Java: no Jakarta import. */
package org.sangdam.access.domain;
