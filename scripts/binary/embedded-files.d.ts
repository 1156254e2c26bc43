/** Made by the bundler (build-binary.mjs): the files embedded in the binary, path relative to the repository root -> base64. */
declare module 'chatterroom:embedded-files' {
  const files: Readonly<Record<string, string>>;
  export default files;
}
