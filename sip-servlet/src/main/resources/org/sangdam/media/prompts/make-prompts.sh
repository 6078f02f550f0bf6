#!/bin/sh
# Regenerates the built-in prompts (see README.md beside this script).
# Needs Debian's espeak-ng and sox. Each prompt: Korean, 0.4 s pause, English.
set -eu
cd "$(dirname "$0")"
make() { # name, Korean text, English text
  espeak-ng -v ko -s 150 -w ko.tmp.wav "$2"
  espeak-ng -v en -s 150 -w en.tmp.wav "$3"
  sox ko.tmp.wav -r 8000 -c 1 -b 16 ko8.tmp.wav
  sox en.tmp.wav -r 8000 -c 1 -b 16 en8.tmp.wav
  sox -n -r 8000 -c 1 -b 16 pad.tmp.wav trim 0 0.4
  sox ko8.tmp.wav pad.tmp.wav en8.tmp.wav -e mu-law -b 8 "$1.wav" norm -3
  rm -f ko.tmp.wav en.tmp.wav ko8.tmp.wav en8.tmp.wav pad.tmp.wav
}
make default-greeting    "고객센터입니다." \
                         "Customer center, hello."
make default-closed      "지금은 상담 시간이 아닙니다. 상담 시간에 다시 전화해 주십시오. 감사합니다." \
                         "Our customer center is closed now. Please call again during our opening hours. Thank you."
make default-please-wait "모든 상담원이 통화 중입니다. 잠시만 기다려 주십시오." \
                         "All our agents are busy. Please hold the line."
make default-call-later  "죄송합니다. 지금은 모든 상담원이 통화 중입니다. 잠시 후 다시 전화해 주십시오. 감사합니다." \
                         "We are sorry, all our agents are still busy. Please call again later. Thank you."
make default-abusive     "고객님, 폭언 및 위협으로 상담을 계속할 수 없어 통화를 종료합니다." \
                         "We are ending this call because of abusive language or threats."
