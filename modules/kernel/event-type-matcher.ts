/** True when `type` is named by `pattern`: an exact event type, or `<module>.*`. */
export const matchesEventType = (pattern: string, type: string): boolean =>
  pattern.endsWith('.*') ? type.startsWith(pattern.slice(0, -1)) : pattern === type;
