import '../alias-resolution';
import { tearDownTarget } from './target-lifecycle';

/** jest globalTeardown of the `system:split` project. */
export default (): Promise<void> => tearDownTarget('split');
