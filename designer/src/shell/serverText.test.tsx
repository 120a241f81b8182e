import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setLanguage, translator } from '../i18n';
import { sayServerText, ServerText } from './serverText';

const [zh, en] = [translator('zh-CN'), translator('en')];
const said = (text: string, t = zh) => sayServerText(text, t).text;

describe('sayServerText', () => {
  it('says the review\'s own block reasons in the language, the rule\'s name kept', () => {
    expect(said('含未匹配商品 (unmapped merchant code): TEA-X, CUP-9')).toBe('含未匹配商品：TEA-X、CUP-9');
    expect(said('含未匹配商品 (unmapped merchant code): TEA-X, CUP-9', en)).toBe('Unmapped merchant code: TEA-X, CUP-9');
    expect(said('打单配货驳回 (rejected at picking): 缺一盒', en)).toBe('Rejected at picking: 缺一盒');
    expect(said("rule «大额订单» could not be evaluated: Object reference not set to an instance of an object.")).toBe('规则「大额订单」无法执行。');
    expect(said('The rule set could not be evaluated: timeout')).toBe('规则集无法执行，订单交由人工审核。');
    expect(said('The shop rule set v3 could not be compiled: bad regex')).toBe('店铺规则集 v3 无法编译。');
    expect(said('大额订单: auto-approved')).toBe('大额订单：自动通过');
    expect(said('大额订单: Block')).toBe('大额订单：满足条件阻止');
    expect(said('The hold time could not be computed.')).toBe('无法算出暂缓到何时，订单交由人工审核。');
    expect(said('Manual review')).toBe('人工审核');
  });

  it('says a hold\'s time with the one time format of the language', () => {
    const local = new Date('2026-12-06T06:03:00Z');
    const time = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')} ${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}`;
    expect(said('夜间暂缓: hold until 2026-12-06 06:03:00Z')).toBe(`夜间暂缓：暂缓至 ${time}`);
  });

  it('says exception details and resolutions the workflow writes, a person\'s note kept as written', () => {
    expect(said("No goods or combo has merchant code 'TEA-X' (line 1), 'CUP-9' (line 2, 3)")).toBe('没有商家编码为 TEA-X（第 1 行）、CUP-9（第 2、3 行）的商品或组合。');
    expect(said("No goods or combo has merchant code 'TEA-X' (line 1)", en)).toBe("No goods or combo has merchant code 'TEA-X' (line 1).");
    expect(said('缺货 (out of stock): line 1 TEA-01 wants 3, 1 available, line 2 CUP 9 wants 2, 0 available'))
      .toBe('缺货：第 1 行 TEA-01 需要 3，可用 1；第 2 行 CUP 9 需要 2，可用 0');
    expect(said('缺货 (out of stock): other orders reserved the remaining stock before this one could.')).toBe('缺货：剩余库存已被其他订单先预留。');
    expect(said('Shop 4 has no enabled warehouse: add one to its warehouse strategy.')).toBe('店铺 4 没有启用的仓库：请在它的仓库策略里添加一个。');
    expect(said('Set aside by the reviewer: 地址待核实')).toBe('审单客服转入异常（地址待核实）');
    expect(said('Set aside by the reviewer')).toBe('审单客服转入异常');
    expect(said('OutOfStock')).toBe('缺货');
    expect(said('Order cancelled. 买家不要了')).toBe('订单已取消。（买家不要了）');
    expect(said('In stock again.')).toBe('已有库存。');
    expect(said('Re-mapped: TEA-X, CUP-9 map now.')).toBe('已重新匹配：TEA-X、CUP-9 现在都有对应的商品。');
    expect(said('Set aside by 客服小李, not by review: resolve entry 12 instead.')).toBe('由 客服小李 手动转入异常，并非审核转入：请直接处理异常 #12。');
  });

  it('says each line of a text on its own, and keeps the server\'s words only when it reworded something', () => {
    expect(sayServerText('含未匹配商品 (unmapped merchant code): TEA-X\n大额订单: 请核对', zh))
      .toEqual({ text: '含未匹配商品：TEA-X\n大额订单: 请核对', original: '含未匹配商品 (unmapped merchant code): TEA-X\n大额订单: 请核对' });
    // A rule's own reason, a person's words, a platform's message: as written, no tooltip.
    expect(sayServerText('大额订单: 请人工核对金额', zh)).toEqual({ text: '大额订单: 请人工核对金额' });
    expect(sayServerText('门牌号缺失', zh)).toEqual({ text: '门牌号缺失' });
  });
});

describe('ServerText', () => {
  it('shows the text in the screen\'s language with the server\'s words as the tooltip, and follows a switch', () => {
    render(<ServerText className="pill" text="Set aside by the reviewer: 地址待核实" />);
    expect(screen.getByText('审单客服转入异常（地址待核实）')).toHaveAttribute('title', 'Set aside by the reviewer: 地址待核实');
    act(() => setLanguage('en'));
    expect(screen.getByText('Set aside by the reviewer (地址待核实)')).toHaveClass('pill');
  });
});
