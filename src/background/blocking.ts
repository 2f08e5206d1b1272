import browser from 'webextension-polyfill';
import { blockRules, type BlockTarget } from '../blocking/rules.ts';
import type { ProviderDefinition } from '../providers/types.ts';
import { updateBlocks } from './prefs-store.ts';

/**
 * Installs and removes the dynamic rules that stop a link in this browser. Dynamic rules survive
 * restarts; the rule ids per record live in prefs-store so the block can be undone.
 */
export function canBlock(provider: ProviderDefinition, target: BlockTarget): boolean {
  return blockRules(provider, target, 1).length > 0;
}

export function block(recordId: string, provider: ProviderDefinition, target: BlockTarget): Promise<number> {
  return updateBlocks(async (blocks) => {
    if (blocks[recordId]?.length) return { blocks, result: blocks[recordId].length };
    const existing = await browser.declarativeNetRequest.getDynamicRules();
    const firstId = existing.reduce((max, rule) => Math.max(max, rule.id), 0) + 1;
    const rules = blockRules(provider, target, firstId);
    if (!rules.length) throw new Error(`nothing in the network can stop ${provider.name} here`);
    await browser.declarativeNetRequest.updateDynamicRules({ addRules: rules });
    return { blocks: { ...blocks, [recordId]: rules.map((rule) => rule.id) }, result: rules.length };
  });
}

export function unblock(recordId: string): Promise<boolean> {
  return updateBlocks(async (blocks) => {
    const ids = blocks[recordId];
    if (!ids?.length) return { blocks, result: false };
    await browser.declarativeNetRequest.updateDynamicRules({ removeRuleIds: [...ids] });
    const { [recordId]: _removed, ...rest } = blocks;
    return { blocks: rest, result: true };
  });
}
