import '../alias-resolution';
import { setUpTarget } from './target-lifecycle';

/** jest globalSetup of the `system:binary` project: builds the single executable when stale, then starts it. */
export default (_globalConfig: unknown, projectConfig: Parameters<typeof setUpTarget>[1]): Promise<void> =>
  setUpTarget('binary', projectConfig);
