import { getDb } from '@/db';
import { fillDemoTraffic } from './live';

/** Fills the gap since the last demo sample now, then every minute. The incident lasts the first 2 hours. */
export function startDemoTraffic(): void {
  const started = Date.now();
  const tick = async () => {
    try {
      const incident = Date.now() - started < 2 * 3_600_000;
      await fillDemoTraffic(await getDb(), new Date(), incident);
    } catch (err) {
      console.error('demo traffic: could not append samples', err);
    }
  };
  void tick();
  setInterval(tick, 60_000).unref();
}
