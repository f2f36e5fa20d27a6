/**
 * The places' names in the languages of the region's press (see ./index.ts for the notation and
 * the languages). Country names come from i18n-iso-countries in ./index.ts; the ones listed here
 * for countries are the press's usual forms the dataset lacks (سورية, Syrien, Amerika…).
 */
import type { LocalNames } from './types';

export const placeNames: Readonly<Record<string, LocalNames>> = {
  raqqa: { ar: ['الرقة'], ckb: ['ڕەققە', 'ڕەقە'], kmr: ['Reqa'], tr: ['Rakka'], fr: ['Raqqa', 'Rakka'], de: ['Rakka', 'Raqqa'] },
  mosul: {
    // Bare موصل is also "conductor" (electric): it counts only on a page about the wars.
    ar: ['الموصل', '~موصل'], ckb: ['موسڵ', 'مووسڵ'], kmr: ['Mûsil'], tr: ['Musul'], fr: ['Mossoul'], de: ['Mossul'],
  },
  palmyra: {
    ar: ['تدمر'], ckb: ['تەدمور', 'پالمیرا'], kmr: ['Tedmur', 'Palmîra'], tr: ['Palmira', 'Tedmür'], fr: ['Palmyre'], de: ['Palmyra'],
    unsure: 'ckb, kmr: spellings seen in Kurdish outlets, not checked against a style guide',
  },
  fallujah: {
    ar: ['الفلوجة'], ckb: ['فەللووجە', 'فەلووجە'], kmr: ['Felûce'], tr: ['Felluce'], fr: ['Falloujah'], de: ['Falludscha'],
    unsure: 'ckb, kmr: transliterations; Kurdish outlets rarely name the city',
  },
  'al-bab': {
    // الباب is also "the door": ambiguous.
    ar: ['~الباب', 'مدينة الباب'], ckb: ['ئەلباب'], kmr: ['El Bab'], tr: ['El Bab'], fr: ['al-Bab'], de: ['al-Bab'],
    unsure: 'ckb: transliteration',
  },
  aleppo: { ar: ['حلب'], ckb: ['حەلەب'], kmr: ['Helep'], tr: ['Halep'], fr: ['Alep'], de: ['Aleppo'] },
  damascus: {
    // Bare Şam folds to "Sam" (Sam Worthington): only the Turkish case forms, which no English text
    // has (the underline then takes the suffix in: Şam'da).
    ar: ['دمشق'], ckb: ['دیمەشق', '~شام'],
    kmr: 'Şam and Şamê fold (without diacritics) to the English "Sam" and "same": left out rather than underline those', tr: ["Şam'da", "Şam'dan", "Şam'ın", "Şam'a"], fr: ['Damas'], de: ['Damaskus'],
  },
  kirkuk: { ar: ['كركوك'], ckb: ['کەرکووک'], kmr: ['Kerkûk'], tr: ['Kerkük'], fr: ['Kirkouk'], de: ['Kirkuk'] },
  'deir-ez-zor': {
    ar: ['دير الزور'], ckb: ['دێرەزوور', 'دێر ئەلزوور'], kmr: ['Dêrazor', 'Dêra Zorê'], tr: ['Deyrizor', 'Deir ez-Zor'],
    fr: ['Deir ez-Zor', 'Deir Ezzor'], de: ['Deir ez-Zor', 'Deir as-Saur'],
    unsure: 'ckb, kmr: Dêrazor is ANF’s Kurmanji form; the Sorani forms are transliterations',
  },
  quneitra: {
    ar: ['القنيطرة'], ckb: ['قونەیترە'], kmr: ['Qunêtra'], tr: ['Kuneytra'], fr: ['Kuneitra', 'Quneitra'], de: ['Kuneitra', 'Quneitra'],
    unsure: 'ckb, kmr: transliterations',
  },
  qayyarah: {
    ar: ['القيارة'], ckb: ['قەیارە'], kmr: ['Qeyare'], tr: ['Kayyara'], fr: ['Qayyarah', 'Qayyara'], de: ['Qayyara', 'Kajjara'],
    unsure: 'ckb, kmr, de (Kajjara): transliterations',
  },
  ramadi: { ar: ['الرمادي'], ckb: ['ڕومادی', 'ڕەمادی'], kmr: ['Remadî'], tr: ['Ramadi'], fr: ['Ramadi'], de: ['Ramadi'] },
  tikrit: { ar: ['تكريت'], ckb: ['تکریت'], kmr: ['Tikrît'], tr: ['Tikrit'], fr: ['Tikrit'], de: ['Tikrit'] },
  baiji: {
    ar: ['بيجي'], ckb: ['بێجی'], kmr: ['Beycî'], tr: ['Beyci'], fr: ['Baïji'], de: ['Baiji', 'Baidschi'],
    unsure: 'kmr: transliteration',
  },
  sinjar: { ar: ['سنجار'], ckb: ['شنگال', 'شەنگال', 'سنجار'], kmr: ['Şengal', 'Şingal'], tr: ['Sincar'], fr: ['Sinjar'], de: ['Sindschar', 'Sinjar'] },
  baghdad: { ar: ['بغداد'], ckb: ['بەغدا'], kmr: ['Bexda'], tr: ['Bağdat'], fr: ['Bagdad'], de: ['Bagdad'] },
  moadamiyeh: {
    ar: ['معضمية الشام', 'المعضمية'],
    ckb: 'no Sorani spelling found in Kurdish outlets; their readers meet the Arabic form, which is listed',
    kmr: 'no Kurmanji spelling found in Kurdish outlets',
    tr: ['Muadamiye'], fr: ['Mouadamiya', 'Moadamiyé'], de: ['Muadamija'],
    unsure: 'tr, fr, de: transliterations seen once or twice, the press mostly quotes the English one',
  },
  madaya: { ar: ['مضايا'], ckb: ['مەزایا'], kmr: ['Madaya'], tr: ['Madaya'], fr: ['Madaya'], de: ['Madaya'], unsure: 'ckb: transliteration' },
  syria: {
    ar: ['سوريا', 'سورية'], ckb: ['سووریا', 'سوریا'], kmr: ['Sûriye', 'Sûriya'], tr: ['Suriye'], fr: ['Syrie'],
    // Case-sensitive: French "syrien" is the adjective (le régime syrien). The genitive Syriens is
    // also French for "Syrians": a known collision on French pages (README).
    de: ['=Syrien'],
  },
  // "ırak" is also Turkish for "far": the country only with its capital I.
  iraq: { ar: ['العراق'], ckb: ['عێراق'], kmr: ['Îraq'], tr: ['=Irak'], fr: ['=Irak'], de: ['=Irak'] },
  anbar: { ar: ['الأنبار'], ckb: ['ئەنبار'], kmr: ['Enbar'], tr: ['Anbar'], fr: ['al-Anbar'], de: ['al-Anbar'] },
  'united-states': {
    ar: ['أمريكا', 'أميركا', 'الولايات المتحدة الأمريكية', 'الولايات المتحدة الأميركية'], ckb: ['ئەمریکا', 'ویلایەتە یەکگرتووەکان'],
    kmr: ['Amerîka', 'DYA'], tr: ['Amerika'], fr: ['États-Unis', 'Etats-Unis'], de: ['Vereinigte Staaten', 'USA'],
  },
  russia: { ar: ['روسيا'], ckb: ['ڕووسیا'], kmr: ['Rûsya'], tr: ['Rusya'], fr: ['Russie'], de: ['Russland'] },
  canada: { ar: ['كندا'], ckb: ['کەنەدا'], kmr: ['Kanada'], tr: ['Kanada'], fr: ['Canada'], de: ['Kanada'] },
  jordan: { ar: ['الأردن'], ckb: ['ئوردن'], kmr: ['Urdun'], tr: ['Ürdün'], fr: ['Jordanie'], de: ['Jordanien'] },
  israel: { ar: ['إسرائيل'], ckb: ['ئیسرائیل'], kmr: ['Îsraîl'], tr: ['İsrail'], fr: ['Israël'], de: ['Israel'] },
  yemen: { ar: ['اليمن'], ckb: ['یەمەن'], kmr: ['Yemen'], tr: ['Yemen'], fr: ['Yémen'], de: ['Jemen'] },
  somalia: { ar: ['الصومال'], ckb: ['سۆماڵ', 'سۆمال'], kmr: ['Somalya'], tr: ['Somali'], fr: ['Somalie'], de: ['Somalia'] },
  'south-sudan': { ar: ['جنوب السودان'], ckb: ['باشووری سودان'], kmr: ['Sûdana Başûr'], tr: ['Güney Sudan'], fr: ['Soudan du Sud'], de: ['Südsudan'] },
  chechnya: { ar: ['الشيشان'], ckb: ['چیچان'], kmr: ['Çeçenistan'], tr: ['Çeçenistan'], fr: ['Tchétchénie'], de: ['Tschetschenien'] },
  afghanistan: { ar: ['أفغانستان'], ckb: ['ئەفغانستان'], kmr: ['Efxanistan'], tr: ['Afganistan'], fr: ['Afghanistan'], de: ['Afghanistan'] },
  'middle-east': {
    ar: ['الشرق الأوسط'], ckb: ['ڕۆژهەڵاتی ناوەڕاست'], kmr: ['Rojhilata Navîn'], tr: ['Orta Doğu', 'Ortadoğu'],
    fr: ['Moyen-Orient'], de: ['Nahost', 'Naher Osten', 'Mittlerer Osten'],
  },
};
