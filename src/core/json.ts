/** A JSON object: not null, not an array. The first check made of any JSON from outside. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * How deeply the arrays and objects of JSON `text` nest, counted on the text itself (brackets
 * outside strings) with no recursion and no parse, and no further than one past `limit`: so that
 * a body nested thousands deep is refused before anything walks it recursively (JSON.stringify,
 * a replacer, a key sort), which would overflow the stack. Text that is not JSON gets a number
 * too; its parse fails after.
 */
export const jsonDepth = (text: string, limit = Infinity): number => {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (inString) {
      if (char === '\\') at++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '[' || char === '{') {
      depth++;
      if (depth > deepest && (deepest = depth) > limit) break;
    } else if (char === ']' || char === '}') depth--;
  }
  return deepest;
};
