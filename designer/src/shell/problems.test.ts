import { describe, expect, it } from 'vitest';
import { translator } from '../i18n';
import { problemOriginal, sayProblem } from './problems';

const [zh, en] = [translator('zh-CN'), translator('en')];

describe('sayProblem', () => {
  it('says a problem by its title, one fixed phrase per kind of refusal, in either language', () => {
    const conflict = { title: 'Edit conflict', detail: 'Rule set 3 is at version 5, but the update was based on version 4.' };
    expect(sayProblem(conflict, 409, zh)).toBe('他人已在此期间修改：请重新读取后再改。');
    expect(sayProblem(conflict, 409, en)).toBe('Someone else changed it meanwhile: read it again, then make your change.');
  });

  it('goes by the code where the server sends one beside a title that names a stage', () => {
    expect(sayProblem({ title: 'Not waiting for review', code: 'NotWaiting' }, 409, zh)).toBe('订单现在不在等待这一步操作。');
    expect(sayProblem({ title: 'Order is in the exception queue', code: 'OnHold' }, 409, zh)).toBe('订单在异常队列中，异常解决后才能继续。');
  });

  it('names the fields a validation problem refuses, by their names where the catalogue has them', () => {
    const invalid = { title: 'One or more validation errors occurred.', errors: { userName: ['Too long.'], shoeSize: ['Odd.'] } };
    expect(sayProblem(invalid, 400, zh)).toBe('「用户名」「shoeSize」填写有误。');
    expect(sayProblem(invalid, 400, en)).toBe('Not valid: user name, shoeSize.');
    // A duplicate is a validation problem under its own title, which names the field too.
    const taken = { title: 'Already exists', errors: { userName: ["A user named 'admin' already exists."] } };
    expect(sayProblem(taken, 409, zh)).toBe('「用户名」已存在。');
    expect(sayProblem(taken, 409, en)).toBe('user name already exists.');
    // A known title wins over the field a problem names as an extension.
    expect(sayProblem({ title: 'Merchant code already mapped', field: 'code' }, 409, zh)).toBe('这个商家编码已有对应的商品或组合，不会改到别处。');
  });

  it('says a problem the catalogue does not know by its status, never in the server\'s English', () => {
    expect(sayProblem({ title: 'Exception queue entry not found', detail: 'No exception queue entry has id 9.' }, 404, zh)).toBe('没有找到。');
    expect(sayProblem({ title: 'Teapot' }, 418, zh)).toBe('服务器出错（HTTP 418）。');
  });
});

describe('problemOriginal', () => {
  it('keeps the server\'s own words for the tooltip: the detail, else the title, and what it says of each field or listed problem', () => {
    expect(problemOriginal({ title: 'Edit conflict', detail: 'Read it again.' })).toBe('Read it again.');
    expect(problemOriginal({ title: 'Sign-in required' })).toBe('Sign-in required');
    expect(problemOriginal({ title: 'One or more validation errors occurred.', errors: { note: ['Too long.'] } }))
      .toBe('One or more validation errors occurred.\nnote: Too long.');
    expect(problemOriginal({ title: 'Invalid workflow definition', detail: 'The definition has 1 error.', errors: [{ code: 'MissingStart', message: 'A workflow needs a Start.' }] }))
      .toBe('The definition has 1 error.\nA workflow needs a Start.');
  });
});
