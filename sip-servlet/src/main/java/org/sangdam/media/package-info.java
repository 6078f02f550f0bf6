/**
 * RTP media inside the server: G.711 legs, bridging, prompts and music (issue 5, part 5).
 * Pure Java: no Jakarta or JAIN-SIP imports here (an ArchUnit rule keeps it so).
 *
 * <h2>Threads</h2>
 * {@link org.sangdam.media.RtpMediaEngine} runs a few selector threads ({@code sangdam-rtp-io-N},
 * one per core, at most four) that receive the legs' RTP (and RTCP, read and ignored) and relay
 * it to the bridged leg: legs are spread over them as they open, and bridging moves the second
 * leg to the first one's thread, so both directions of a call are relayed by one thread without
 * locks. One scheduled ticker sends the 20 ms frames of every prompt being played, and one
 * callback thread runs {@code onDigit} and {@code onEnd} listeners. Call recordings are decoded
 * on the I/O threads into one-second buffers and written by one background thread
 * ({@code sangdam-recording-writer}), so disk writes never hold up the relay. No thread per call; the SIP
 * layer's calls ({@code answer}, {@code bridge}, {@code play}...) only swap immutable state the
 * I/O threads and the ticker read. Each leg's socket has a 256 KiB receive buffer (capped by
 * {@code net.core.rmem_max}): when the threads wait for a core, packets wait rather than drop.
 *
 * <h2>SDP: a small parser of our own, not {@code javax.sdp}</h2>
 * Offer/answer for audio needs {@code c=}, {@code m=}, {@code a=rtpmap} and the direction
 * attributes, nothing more. {@code javax.sdp} is the JAIN-SIP RI's API: using it here would tie
 * this package to the SIP stack (which the SIP module bundles as an optional dependency and the
 * purity rule keeps out of this package), its factory is a static singleton and its parser
 * throws on lines real phones send. {@code Sdp} reads line by line, takes what it needs, skips
 * the rest, and refuses only what it cannot use (a broken {@code m=}/{@code c=} line, no
 * {@code v=}): the SIP layer answers those with 488.
 *
 * <h2>Negotiation</h2>
 * Answering, the first offered {@code m=audio} over RTP/AVP with PCMU or PCMA is taken, with
 * the first of those two in the offer's order; {@code telephone-event/8000} is answered with the
 * offerer's payload type. Other streams (video, a second audio) are answered with port 0.
 * No usable stream, or SRTP only: {@link org.sangdam.media.NoCommonCodecException} (488).
 * The answer mirrors the direction ({@code sendonly} to {@code recvonly} and so on); we send
 * only while the far end said {@code sendrecv} or {@code recvonly} and gave an address:
 * {@code c=0.0.0.0} or port 0 means hold / no media. Packets are accepted in any of PCMU and
 * PCMA whatever was negotiated (RFC 3264 lets the far end switch among offered formats).
 *
 * <h2>Symmetric RTP</h2>
 * The far end is where its SDP says ({@code c=} and {@code m=} port), and only packets from
 * exactly that address and port are taken; the rest are ignored and counted in
 * {@link org.sangdam.media.MediaStats#packetsDropped()}. Exception, <i>latching</i>: when the SDP
 * gives a private address (RFC 1918, RFC 6598 shared/CGNAT, link-local, IPv6 ULA) or a name that
 * does not resolve, the phone is probably behind NAT, so the first source that sends to the leg
 * becomes the far end (we send there too, and until then to the SDP address); only that source
 * is accepted afterwards. A new SDP address (re-INVITE) starts latching anew. Loopback and
 * public addresses are never latched.
 *
 * <h2>Relay and playback: one stream per far end</h2>
 * Each leg has one outgoing SSRC, sequence and timestamp ({@code OutStream}) shared by the relay
 * and by playback. When what a far end hears changes source (re-bridge, a prompt starts or
 * ends, the other phone changes SSRC), the next packet goes on with the next sequence number,
 * a timestamp advanced by the time elapsed since our last audio packet (at least 160), and the
 * marker bit; within one source the source's own sequence and timestamp deltas are kept (so its
 * gaps and silence suppression pass through). Relayed packets are re-encoded PCMU to PCMA (or
 * back) when the two legs negotiated different codecs; CSRCs and header extensions are not
 * carried over. While a leg plays a prompt, its bridge does not send to it (the other direction
 * still flows).
 *
 * <h2>Digits</h2>
 * RFC 4733 events are passed to the bridged leg with that leg's telephone-event payload type
 * (dropped if it negotiated none), and each digit is told to {@code onDigit} once: a new
 * (SSRC, event timestamp) is a new digit; continuation and the three end packets are not.
 *
 * <h2>Recording and RTP timeout</h2>
 * {@code startRecording} writes what the far end sends, decoded to 8 kHz 16-bit mono, to a WAV
 * file (sizes filled in by {@code stopRecording} or {@code close}). The writes happen on the I/O
 * thread (into the page cache); many recorded calls on a slow disk would want a writer thread of
 * their own (issue 7). {@code millisSinceLastPacket} counts from the leg's opening, then from the
 * far end's last accepted RTP packet (RTCP and strangers' packets do not count); a far end that
 * said {@code inactive} sends nothing, so the SIP layer should not time such a leg out.
 */
package org.sangdam.media;
