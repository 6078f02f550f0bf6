/**
 * The scenario step of an inbound call (R2.6, issue 7 part 4): greeting, an optional
 * one-digit menu choosing a queue, business hours with an out-of-hours prompt, queue
 * music, and what to do when nobody is ready. Pure Java: no Jakarta import.
 */
package org.sangdam.scenario.domain;
