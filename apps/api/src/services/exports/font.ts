import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

// Noto Sans SC (SIL OFL) as TrueType from the npm package @expo-google-fonts/noto-sans-sc: glyf outlines subset cleanly
// with pdf-lib + fontkit, so a bundle embeds only the characters it uses (a few KB) and renders them right. (The
// CFF-based OpenType CJK fonts lose their subroutines when pdf-lib subsets them.)

const require = createRequire(import.meta.url);
const files = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

const loaded = new Map<keyof typeof files, Promise<Uint8Array>>();

/** The font's bytes, read once per process. */
export function cjkFont(weight: keyof typeof files): Promise<Uint8Array> {
  let bytes = loaded.get(weight);
  if (!bytes) {
    bytes = readFile(require.resolve(files[weight])).then((b) => new Uint8Array(b));
    loaded.set(weight, bytes);
  }
  return bytes;
}
