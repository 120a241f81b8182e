import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../i18n';
import { activities } from '../test/fixtures';
import { Palette } from './Palette';

describe('Palette', () => {
  it('names activities, categories and outcomes in Chinese with the codes as tooltips, and finds them by either name or code', () => {
    const add = vi.fn();
    render(<Palette activities={activities} onAdd={add} />);
    const palette = screen.getByRole('complementary', { name: '环节面板' });
    expect(within(palette).getByRole('heading', { name: '流程控制' })).toHaveAttribute('title', 'Control flow');
    expect(within(palette).getByRole('heading', { name: '销售订单' })).toBeInTheDocument();
    const review = screen.getByTestId('palette-AwaitReview');
    expect(review).toHaveTextContent('人工审核');
    expect(review).toHaveTextContent('通过 · 驳回 · 转异常');
    expect(review).toHaveAttribute('title', expect.stringContaining('AwaitReview'));
    expect(screen.getByTestId('palette-Finish')).toHaveTextContent('结束流程');

    fireEvent.click(screen.getByRole('button', { name: '添加延时' }));
    expect(add).toHaveBeenCalledWith('Delay');

    const search = screen.getByRole('searchbox', { name: '搜索环节' });
    for (const query of ['称重', 'weigh', 'WeighShip']) {
      fireEvent.change(search, { target: { value: query } });
      expect(screen.getAllByTestId(/^palette-[A-Z]/).map(e => e.dataset.testid)).toEqual(['palette-WeighShip']);
    }
    fireEvent.change(search, { target: { value: '传送' } });
    expect(screen.getByText('没有与「传送」匹配的环节。')).toBeInTheDocument();
  });

  it('speaks English once English is chosen', () => {
    setLanguage('en');
    render(<Palette activities={activities} onAdd={() => {}} />);
    expect(screen.getByRole('complementary', { name: 'Activity palette' })).toBeInTheDocument();
    expect(screen.getByTestId('palette-AwaitReview')).toHaveTextContent('Await reviewer');
    expect(screen.getByRole('button', { name: 'Add Delay' })).toBeInTheDocument();
  });
});
