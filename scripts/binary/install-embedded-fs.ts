import { installEmbeddedFs, type EmbeddedFiles } from './embedded-fs';

/** Set by the bundler (build-binary.mjs): where bundled modules believe they live, and the files they read there. */
declare const CHATTERROOM_EMBEDDED_ROOT: string;
declare const CHATTERROOM_EMBEDDED_FILES: EmbeddedFiles;

installEmbeddedFs(CHATTERROOM_EMBEDDED_ROOT, CHATTERROOM_EMBEDDED_FILES);
