import { config } from 'zod';

// Zod tries `Function('')` to see whether it may compile its parsers; the Content-Security-Policy
// refuses eval and the browser reports each try as a violation. Parsing without compiling is fast enough here.
config({ jitless: true });
