import { writeRecordingIfFailed } from './page-recorder';

/** setupFilesAfterEnv of the browser projects: a failed test leaves its pages' recording behind. */
afterEach(writeRecordingIfFailed);
