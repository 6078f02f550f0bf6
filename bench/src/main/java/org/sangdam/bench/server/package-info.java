/**
 * The bench-only WAR ({@code /sangdam-bench}) that the benchmark driver adds to the real
 * {@code sangdam.ear}; never part of the product. It seeds services and agents directly
 * (setup, not measured), plays the phone network (customer calls arrive through the
 * product's {@link org.sangdam.call.CallControl}; a phone that rings answers at once),
 * acts as the agents through the product's {@link org.sangdam.agent.CtiService}, and
 * reads the figures back from the call audit trail ({@code call_event}).
 */
package org.sangdam.bench.server;
