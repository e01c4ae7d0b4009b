import { createEmulatorClock } from '../../../../src/sandbox/emulator';

describe('createEmulatorClock', () => {
  it('stands still when frozen and moves only when told', () => {
    const clock = createEmulatorClock({ start: '2026-11-22T10:00:00Z', mode: 'frozen' });
    expect(clock.now()).toBe(Date.parse('2026-11-22T10:00:00Z'));
    clock.advance(1500);
    expect(clock.now()).toBe(Date.parse('2026-11-22T10:00:01.500Z'));
    clock.set(Date.parse('2026-11-23T00:00:00Z'));
    expect(clock.now()).toBe(Date.parse('2026-11-23T00:00:00Z'));
  });

  it('never goes back', () => {
    const clock = createEmulatorClock({ start: '2026-11-22T10:00:00Z', mode: 'frozen' });
    expect(() => clock.set(Date.parse('2026-11-22T09:59:59Z'))).toThrow(RangeError);
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });

  it('runs scheduled tasks in time order once time reaches them, including tasks they schedule', () => {
    const clock = createEmulatorClock({ start: 0, mode: 'frozen' });
    const ran: string[] = [];
    clock.schedule(2000, () => ran.push('b'));
    clock.schedule(1000, () => {
      ran.push('a');
      clock.schedule(1500, () => ran.push('a2'));
    });
    const cancel = clock.schedule(1200, () => ran.push('cancelled'));
    cancel();
    clock.advance(999);
    expect(ran).toEqual([]);
    clock.advance(5000);
    expect(ran).toEqual(['a', 'a2', 'b']);
    expect(clock.pendingTasks()).toBe(0);
  });

  it('follows real time in running mode, offset by time travel', () => {
    const clock = createEmulatorClock({ start: '2030-01-01T00:00:00Z' });
    const before = clock.now();
    clock.advance(3_600_000);
    expect(clock.now() - before).toBeGreaterThanOrEqual(3_600_000);
    expect(clock.now() - before).toBeLessThan(3_600_000 + 5_000);
    clock.dispose();
  });

  it('fires scheduled tasks on a real timer in running mode', async () => {
    const clock = createEmulatorClock();
    const fired = new Promise<number>((resolve) => clock.schedule(clock.now() + 30, () => resolve(clock.now())));
    await expect(fired).resolves.toBeGreaterThan(0);
    clock.dispose();
  });
});
