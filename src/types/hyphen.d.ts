// The hyphen package ships no types (and no exports map, so the file is named in full); this is
// the part of its API the build calls.
declare module 'hyphen/en-gb/index.js' {
  interface HyphenOptions {
    hyphenChar?: string;
    minWordLength?: number;
    exceptions?: string[];
  }
  const hyphen: { hyphenateSync(text: string, options?: HyphenOptions): string };
  export default hyphen;
}
