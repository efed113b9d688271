/**
 * The playing position of a media element, in milliseconds, for views that show it (the clock, the
 * waveform). Read on the element's own `timeupdate` (about four times a second) and `seeked`, not
 * per frame: a position shown to a reporter needs no more, and the typing beside it keeps the CPU.
 */
import { useEffect, useState, type RefObject } from 'react';

export function useMediaPositionMs(audio: RefObject<HTMLMediaElement | null>): number {
  const [ms, setMs] = useState(0);
  useEffect(() => {
    const el = audio.current;
    if (!el) return;
    const tick = () => setMs(el.currentTime * 1000);
    el.addEventListener('timeupdate', tick);
    el.addEventListener('seeked', tick);
    return () => {
      el.removeEventListener('timeupdate', tick);
      el.removeEventListener('seeked', tick);
    };
  }, [audio]);
  return ms;
}
