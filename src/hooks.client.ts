import { z } from 'zod';

// zod can compile parsers with `new Function`, which the Content-Security-Policy (no 'unsafe-eval')
// forbids; jitless mode parses without it.
z.config({ jitless: true });
