/** The agent's CTI status rules (R2.2–R2.3, R2.8, R3.2–R3.7, R4.1–R4.3). Pure Java: no Jakarta import. */
package org.sangdam.agent.domain;
