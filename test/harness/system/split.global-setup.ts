import '../alias-resolution';
import { setUpTarget } from './target-lifecycle';

/** jest globalSetup of the `system:split` project (one file per project: jest runs each path once). */
export default (_globalConfig: unknown, projectConfig: Parameters<typeof setUpTarget>[1]): Promise<void> =>
  setUpTarget('split', projectConfig);
