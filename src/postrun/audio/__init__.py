"""Sound: cues synthesized in code, played with simpleaudio; the spoken next-up."""
