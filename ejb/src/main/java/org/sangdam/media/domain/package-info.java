/**
 * Audio rules shared by the media engine (sip-servlet) and the prompt uploads (ejb, web):
 * G.711 tables and WAV decoding to 8 kHz mono 16-bit PCM. Pure Java: no Jakarta import.
 */
package org.sangdam.media.domain;
