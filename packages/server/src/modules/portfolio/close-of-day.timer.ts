import { businessDate } from '../../config/env.ts';
import type { Services } from '../../http/context.ts';
import { runCloseOfDay } from './close-of-day.ts';

/** How often the server looks whether today's business date has been closed. */
const CHECK_EVERY_MS = 10 * 60 * 1000;
const FIRST_CHECK_MS = 5_000;

/**
 * Runs close of day once per business day inside `simpul serve`: shortly after start and then
 * every ten minutes it closes today's business date unless close_of_day_runs already holds
 * it (several servers on one PostgreSQL database: the first to claim the date runs it).
 * A failure is logged and retried at the next check. Returns a function that stops the timer.
 */
export function startCloseOfDayTimer(services: Services): () => void {
  let running = false;
  const check = async () => {
    if (running) return;
    running = true;
    const date = businessDate(services.now());
    try {
      const result = await runCloseOfDay(services, { date });
      if (!result.skipped) services.logger.info({ closeOfDay: result }, 'close of day done');
    } catch (err) {
      // runCloseOfDay gave its claim back: the next check runs the date again.
      services.logger.error({ date, err: err instanceof Error ? err.message : String(err) }, 'close of day failed');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void check(), FIRST_CHECK_MS);
  const every = setInterval(() => void check(), CHECK_EVERY_MS);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
