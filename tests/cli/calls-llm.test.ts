/** `cfpmatch calls add --llm` through the real binary against a scripted OpenAI-protocol server on 127.0.0.1. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT, runCli, type CliRun } from '../fixtures/ensure-built.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fixtures/fake-openai/server.js';

const CFP = join(ROOT, 'tests/fixtures/cfp/numbered-title.txt');

function run(args: string[], env: Record<string, string>): Promise<CliRun> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('LLM_')));
  return runCli(args, { env: { ...base, ...env } });
}

describe('cfpmatch calls add --llm', () => {
  let fake: FakeOpenAi;
  beforeAll(async () => {
    ensureBuilt();
    fake = await startFakeOpenAi();
  });
  afterAll(async () => {
    await fake.close();
  });

  it('exits 9 with LLM_UNAVAILABLE when no LLM is configured', async () => {
    const r = await run(['calls', 'add', CFP, '--llm', '--dry-run'], {});
    expect(r.code).toBe(9);
    expect(r.stderr).toMatch(/LLM_UNAVAILABLE: .*LLM_BASE_URL/);
  });

  it('extracts with the model and reports where the rule-based parser disagrees', async () => {
    fake.script({
      kind: 'json',
      body: {
        title: 'Quantum Networking for the Post-5G Internet',
        venue: 'Computer Networks',
        scope: 'Quantum networks promise communication tasks that classical networks cannot perform.',
        topics: ['Entanglement routing and swapping protocols', 'Quantum key distribution over metropolitan networks'],
        dates: { submission_deadline: '2025-04-30', first_decision: null, revision: null, final_decision: null, final_manuscript: null, publication: null },
        guest_editors: [{ name: 'Alice Martin', affiliation: 'Delft University of Technology', email: null }],
        rules: { abstract_max_words: 200, abstract_min_words: null, keywords_min: null, keywords_max: 6, notes: [] },
      },
    });
    const r = await run(['calls', 'add', CFP, '--llm', '--dry-run', '--id', 'qnet'], { LLM_BASE_URL: fake.url, LLM_MODEL: 'fake-model' });
    expect(r.code).toBe(0);
    const call = JSON.parse(r.stdout) as { id: string; venue: string; dates: { submission_deadline: string } };
    // The rules found a deadline, so the model's different one is only reported (issue #14: the model never overrides a rule field).
    expect(call).toMatchObject({ id: 'qnet', venue: 'Computer Networks', dates: { submission_deadline: '2025-04-15' } });
    expect(r.stderr).toContain('extracted by llm');
    expect(r.stderr).toMatch(/disagreement: dates\.submission_deadline: llm="2025-04-30" parser="2025-04-15"/);
    expect(fake.requests.length).toBeGreaterThan(0);
  });
});
