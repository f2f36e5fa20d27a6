/**
 * The groups' names in the languages of the region's press (see ./index.ts for the notation and
 * the languages). A name that the press of a language keeps in English (an outlet, a think tank)
 * is not repeated: the entity says so instead.
 */
import type { LocalNames } from './types';

const keptInLatin = 'the press writes the English name, already an alias';

export const groupNames: Readonly<Record<string, LocalNames>> = {
  isis: {
    ar: ['داعش', 'تنظيم الدولة', 'تنظيم الدولة الإسلامية', 'الدولة الإسلامية', 'الدولة الإسلامية في العراق والشام'],
    ckb: ['داعش', 'دەوڵەتی ئیسلامی'],
    // DAIŞ folds to "dais", an English word: exact case.
    kmr: ['=DAIŞ', 'Dewleta Îslamî'],
    tr: ['IŞİD', 'IŞID', 'DEAŞ', 'DAEŞ', 'İslam Devleti', 'Irak Şam İslam Devleti'],
    // EI: in French "l'EI"; in any other case or language it is nothing of the kind.
    fr: ['État islamique', 'Daech', '=EIIL', '=~EI'],
    // Bare IS is also English ("WHY IS THERE"), and "der IS" would take "der IS-Miliz" apart: the
    // press's compounds only, underlined whole; a bare "der IS" is not found (README).
    de: [
      'Islamischer Staat', 'Islamischen Staates', 'Daesch', 'Terrormiliz IS', 'IS-Miliz', 'IS-Terrormiliz', 'IS-Kämpfer', 'IS-Kämpfern',
      'IS-Terroristen', 'IS-Dschihadisten', 'IS-Anhänger', 'IS-Stellungen', 'IS-Hochburg',
    ],
  },
  'al-qaeda': {
    // القاعدة alone is also "the base", "the rule".
    ar: ['تنظيم القاعدة', '~القاعدة'], ckb: ['ئەلقاعیدە', 'قاعیدە'], kmr: ['El Qaîde'], tr: ['El Kaide'], fr: ['Al-Qaïda'], de: ['al-Qaida', 'El Kaida'],
    unsure: 'ckb, kmr: transliterations',
  },
  'syrian-democratic-forces': {
    ar: ['قوات سوريا الديمقراطية', 'قسد'], ckb: ['هێزەکانی سووریای دیموکرات', 'هەسەدە'], kmr: ['Hêzên Sûriya Demokratîk', '=~HSD'],
    tr: ['Suriye Demokratik Güçleri', '=~SDG'], fr: ['Forces démocratiques syriennes', '=~FDS'],
    de: ['Demokratische Kräfte Syriens', 'Syrische Demokratische Kräfte'],
  },
  'kurdish-forces': {
    ar: ['وحدات حماية الشعب', 'القوات الكردية'], ckb: ['یەکینەکانی پاراستنی گەل', 'یەپەگە'], kmr: ['Yekîneyên Parastina Gel'],
    tr: ['Halk Koruma Birlikleri'], fr: ['Unités de protection du peuple', 'forces kurdes'],
    de: ['Volksverteidigungseinheiten', 'Kurdenmiliz', 'kurdische Einheiten'],
  },
  'free-syrian-army': {
    ar: ['الجيش السوري الحر', 'الجيش الحر'], ckb: ['سوپای ئازادی سووریا'], kmr: ['Artêşa Azad a Sûriyê', 'Artêşa Sûriya Azad'],
    tr: ['Özgür Suriye Ordusu', '=ÖSO'], fr: ['Armée syrienne libre', '=~ASL'], de: ['Freie Syrische Armee'],
    unsure: 'kmr: both orders are seen',
  },
  peshmerga: { ar: ['البيشمركة', 'البشمركة'], ckb: ['پێشمەرگە'], kmr: ['Pêşmerge'], tr: ['Peşmerge'], fr: ['peshmergas', 'Peshmerga'], de: ['Peschmerga'] },
  'popular-mobilization-forces': {
    ar: ['الحشد الشعبي', 'قوات الحشد الشعبي'], ckb: ['حەشدی شەعبی'], kmr: ['Heşda Şeibî'],
    tr: ['Haşdi Şabi', 'Haşd-i Şabi', 'Haşdi Şaabi', 'Halk Seferberlik Güçleri'],
    fr: ['Unités de mobilisation populaire', 'Hachd al-Chaabi', 'Mobilisation populaire'],
    de: ['Volksmobilisierungseinheiten', 'Haschd al-Schaabi', 'Volksmobilisierung'],
    unsure: 'kmr: transliteration',
  },
  'axis-of-resistance': {
    ar: ['محور المقاومة'], ckb: ['تەوەری بەرگری'], kmr: ['Eksena Berxwedanê'], tr: ['Direniş Ekseni'], fr: ['Axe de la résistance'], de: ['Achse des Widerstands'],
    unsure: 'ckb, kmr: translations of the Arabic name',
  },
  'syrian-army': {
    ar: ['الجيش السوري', 'الجيش العربي السوري', 'قوات النظام السوري'], ckb: ['سوپای سووریا'], kmr: ['Artêşa Sûriyê'],
    tr: ['Suriye ordusu'], fr: ['armée syrienne', 'forces du régime syrien'], de: ['syrische Armee'],
  },
  'syrian-government': {
    ar: ['الحكومة السورية', 'النظام السوري', 'نظام الأسد'], ckb: ['حکومەتی سووریا', 'ڕژێمی سووریا'], kmr: ['Hikûmeta Sûriyê', 'rejîma Sûriyê'],
    tr: ['Suriye hükümeti', 'Esad rejimi', 'Şam yönetimi'], fr: ['gouvernement syrien', 'régime syrien', 'régime de Bachar al-Assad'],
    de: ['syrische Regierung', 'Assad-Regime', 'Regime in Damaskus'],
  },
  'iraqi-army': {
    ar: ['الجيش العراقي', 'القوات العراقية'], ckb: ['سوپای عێراق'], kmr: ['Artêşa Iraqê'], tr: ['Irak ordusu'], fr: ['armée irakienne'], de: ['irakische Armee'],
  },
  'iraqi-counter-terrorism-service': {
    ar: ['جهاز مكافحة الإرهاب', 'الفرقة الذهبية'], ckb: ['دەزگای دژە تیرۆر'], kmr: 'no Kurmanji name found in Kurdish outlets',
    tr: ['Terörle Mücadele Servisi'], fr: ['Service de contre-terrorisme', 'Division dorée'], de: ['Anti-Terror-Einheit', 'Goldene Division'],
    unsure: 'ckb, tr: translations of the Arabic name',
  },
  'turkish-army': {
    ar: ['الجيش التركي', 'القوات التركية'], ckb: ['سوپای تورکیا'], kmr: ['Artêşa Tirk'], tr: ['Türk Silahlı Kuvvetleri', '=TSK', 'Türk ordusu'],
    fr: ['armée turque'], de: ['türkische Armee'],
  },
  'russian-army': {
    ar: ['الجيش الروسي', 'القوات الروسية'], ckb: ['سوپای ڕووسیا'], kmr: ['Artêşa Rûsyayê'], tr: ['Rus ordusu'], fr: ['armée russe'], de: ['russische Armee'],
  },
  'iranian-forces': {
    ar: ['القوات الإيرانية'], ckb: ['هێزەکانی ئێران'], kmr: ['Hêzên Îranî'], tr: ['İran güçleri'], fr: ['forces iraniennes'], de: ['iranische Truppen'],
  },
  pentagon: {
    ar: ['البنتاغون', 'البنتاجون', 'وزارة الدفاع الأمريكية'], ckb: ['پنتاگۆن'], kmr: ['Pentagon'], tr: ['Pentagon'], fr: ['Pentagone'], de: ['Pentagon'],
  },
  'obama-administration': {
    ar: ['إدارة أوباما'], ckb: ['ئیدارەی ئۆباما'], kmr: ['Rêveberiya Obama'], tr: ['Obama yönetimi'], fr: ['administration Obama'],
    de: ['Obama-Regierung', 'Regierung Obama'], unsure: 'kmr: translation',
  },
  'international-coalition': {
    ar: ['التحالف الدولي', '~التحالف'], ckb: ['هاوپەیمانی نێودەوڵەتی', '~هاوپەیمانی'], kmr: ['Hevpeymaniya Navneteweyî', 'Koalîsyona Navneteweyî'],
    tr: ['uluslararası koalisyon', '~koalisyon'], fr: ['coalition internationale', 'la coalition internationale', '~la coalition'],
    de: ['internationale Koalition', 'Anti-IS-Koalition', '~die Koalition'],
  },
  'operation-inherent-resolve': {
    ar: ['العزم الصلب', 'عملية العزم الصلب'], ckb: keptInLatin, kmr: keptInLatin, tr: ['Doğal Kararlılık Operasyonu'], fr: keptInLatin, de: keptInLatin,
  },
  'euphrates-shield': {
    ar: ['درع الفرات'], ckb: ['قەڵغانی فورات'], kmr: ['Mertalê Firatê'], tr: ['Fırat Kalkanı'], fr: ["Bouclier de l'Euphrate"], de: ['Schutzschild Euphrat', 'Euphrat-Schild'],
    unsure: 'ckb, kmr: translations of the Turkish name',
  },
  'united-nations': {
    ar: ['الأمم المتحدة'], ckb: ['نەتەوە یەکگرتووەکان'], kmr: ['Neteweyên Yekbûyî'], tr: ['Birleşmiş Milletler', '=BM'], fr: ['Nations unies', '=ONU'],
    de: ['Vereinte Nationen', '=UNO'],
  },
  rbss: { ar: ['الرقة تذبح بصمت'], ckb: keptInLatin, kmr: keptInLatin, tr: keptInLatin, fr: keptInLatin, de: keptInLatin },
  'rand-corporation': { ar: ['مؤسسة راند'], ckb: keptInLatin, kmr: keptInLatin, tr: keptInLatin, fr: keptInLatin, de: keptInLatin },
  'boston-university': { ar: ['جامعة بوسطن'], ckb: keptInLatin, kmr: keptInLatin, tr: ['Boston Üniversitesi'], fr: ['université de Boston'], de: keptInLatin },
  'boston-herald': { ar: ['بوسطن هيرالد'], ckb: keptInLatin, kmr: keptInLatin, tr: keptInLatin, fr: keptInLatin, de: keptInLatin },
  'the-guardian': { ar: ['الغارديان'], ckb: keptInLatin, kmr: keptInLatin, tr: keptInLatin, fr: keptInLatin, de: keptInLatin },
  'cbs-news': { ar: ['سي بي إس نيوز'], ckb: keptInLatin, kmr: keptInLatin, tr: keptInLatin, fr: keptInLatin, de: keptInLatin },
  'iraq-oil-report': { ar: keptInLatin, ckb: keptInLatin, kmr: keptInLatin, tr: keptInLatin, fr: keptInLatin, de: keptInLatin },
};
