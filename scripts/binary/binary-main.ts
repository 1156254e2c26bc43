// The entry point of the single executable. Imports run in order: the embedded files are in
// place before any module of the app loads (grpc-health-check reads its proto as it loads).
import './install-embedded-fs';
import '../../src/main';
