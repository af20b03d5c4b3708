/**
 * Reading the risk policy from disk: the only IO in triage.
 * The default is policy/risk-policy.json at the package root; from src/triage or dist/triage
 * that is ../../policy/risk-policy.json.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseRiskPolicy, RiskPolicyError, type RiskPolicy } from './policy.js';

export const DEFAULT_POLICY_PATH = fileURLToPath(new URL('../../policy/risk-policy.json', import.meta.url));

/** Read, parse and validate a risk policy. Throws RiskPolicyError with a stable code. */
export async function loadRiskPolicy(path: string = DEFAULT_POLICY_PATH): Promise<RiskPolicy> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new RiskPolicyError('RISK_POLICY_UNREADABLE', `Cannot read the risk policy ${path}.`, [], path, { cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new RiskPolicyError(
      'RISK_POLICY_NOT_JSON',
      `The risk policy ${path} is not valid JSON: ${(cause as Error).message}`,
      [],
      path,
      { cause },
    );
  }
  try {
    return parseRiskPolicy(json);
  } catch (e) {
    if (e instanceof RiskPolicyError) {
      throw new RiskPolicyError(e.code, `${path}: ${e.message}`, e.issues, path, { cause: e });
    }
    throw e;
  }
}
