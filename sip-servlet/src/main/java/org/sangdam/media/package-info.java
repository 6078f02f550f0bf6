/**
 * RTP media inside the server: G.711 legs, bridging, prompts and music (issue 5, part 5).
 * Pure Java: no Jakarta or JAIN-SIP imports here.
 */
package org.sangdam.media;
