import { z } from 'zod';

const blankToNull = (v: unknown) => (v === '' || v === undefined ? null : v);

/** The Prometheus-compatible data source (Prometheus, Thanos, Mimir, VictoriaMetrics). */
export const dataSourceInput = z
  .object({
    url: z.string().trim().url('A full URL, e.g. http://prometheus:9090'),
    bearerToken: z.preprocess(blankToNull, z.string().max(4000).nullable().default(null)),
    username: z.preprocess(blankToNull, z.string().max(200).nullable().default(null)),
    password: z.preprocess(blankToNull, z.string().max(4000).nullable().default(null)),
    timeoutSeconds: z.coerce
      .number({ message: 'Must be a number' })
      .int('Whole seconds')
      .min(1, 'At least 1 s')
      .max(120, 'At most 120 s'),
  })
  .refine((v) => !(v.bearerToken && v.username), {
    path: ['bearerToken'],
    message: 'Use a bearer token or basic auth, not both',
  });
