/** Reading the ops server in tests: a GET with its status and body, and one sample of /metrics. */

/** GET a URL on loopback: its status and text. */
export async function get(url: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url);
  return { status: response.status, text: await response.text() };
}

/** The value of a sample line in Prometheus text (a counter, or a histogram's _count), 0 when absent. */
export function sample(metrics: string, name: string, labels: Record<string, string>): number {
  const line = metrics
    .split('\n')
    .find((candidate) => candidate.startsWith(`${name}{`) && Object.entries(labels).every(([key, value]) => candidate.includes(`${key}="${value}"`)));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}
