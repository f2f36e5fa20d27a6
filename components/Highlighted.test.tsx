/** Search and card highlights on Arabic text (issue 20): the mark covers the name, clipping never splits a word. */
import { describe, expect, it } from 'vitest';
import { clipAround } from '../lib/text/emphasis';
import { Highlighted } from './Highlighted';
import { renderToDom } from './testDom';

const TEXT =
  'قال مسؤولون محليون إن إعادة الإعمار في المدينة القديمة لم تبدأ بعد، وإن آلاف الأسر ما زالت تعيش في مخيمات النزوح. ' +
  'وأضافوا أن الهجمات المتفرقة التي ينفذها عناصر من داعش قرب الموصل تعرقل عودة السكان إلى أحيائهم المدمرة، ' +
  'فيما تطالب منظمات إنسانية بتأمين الطرق وفتح المعابر قبل حلول فصل الشتاء وارتفاع الحاجة إلى الوقود والدواء.';

describe('Highlighted on Arabic text', () => {
  it('marks exactly the name inside a clipped excerpt, cut between words', () => {
    const at = TEXT.indexOf('الموصل');
    const clip = clipAround(TEXT, [[at, at + 'الموصل'.length]], 120, 40);
    const root = renderToDom(
      <p dir="auto">
        <Highlighted text={clip.text} ranges={clip.ranges} />
      </p>,
    );
    expect([...root.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['الموصل']);
    expect(root.textContent).toBe(clip.text);
    const words = new Set(TEXT.split(/\s+/));
    for (const word of clip.text.replace(/…/g, '').trim().split(/\s+/)) expect(words.has(word), word).toBe(true);
  });
});
