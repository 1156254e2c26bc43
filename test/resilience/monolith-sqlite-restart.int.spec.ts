import { describeMonolithRestart } from './support/monolith-restart.cases';

/*
 * Issue 8: the monolith's default storage keeps everything across a restart. No storage
 * variable is set, as with `npm start`; the harness gives the target a DATA_DIR of its own,
 * which the restarted process keeps.
 */

jest.setTimeout(60_000);

describeMonolithRestart('SQLite (the default, DATA_DIR)', {});
