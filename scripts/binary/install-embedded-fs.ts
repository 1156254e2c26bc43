import embeddedFiles from 'chatterroom:embedded-files';
import { installEmbeddedFs } from './embedded-fs';

/** Set by the bundler (build-binary.mjs): where bundled modules believe they live (module-paths.plugin.mjs). */
declare const CHATTERROOM_EMBEDDED_ROOT: string;

installEmbeddedFs(CHATTERROOM_EMBEDDED_ROOT, embeddedFiles);
