// The inner size of an element, kept up to date (the preview fits its page to the room its frame has, at
// any window size and text size). A hidden tab measures 0: the last size is kept for when it comes back.
import { type RefObject, useEffect, useState } from "react";

export interface ElementSize {
  width: number;
  height: number;
}

export function useElementSize(ref: RefObject<HTMLElement | null>): ElementSize {
  const [size, setSize] = useState<ElementSize>({ width: 0, height: 0 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (!box || box.width <= 0) return;
      const next = { width: Math.floor(box.width), height: Math.floor(box.height) };
      setSize((previous) => (previous.width === next.width && previous.height === next.height ? previous : next));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
