// Pin the world for every test process: UTC clock, no colour codes.
export default function setup(): void {
  process.env.TZ = 'UTC';
  process.env.NO_COLOR = '1';
}
