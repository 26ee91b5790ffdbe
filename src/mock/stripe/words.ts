/**
 * The fake Stripe's own words, in the languages of the checkout: the card form, its test cards, its
 * field errors and its 3-D Secure stand-in.
 *
 * Stripe's Payment Element shows its placeholders and error strings in the `locale` given to
 * `stripe.elements({locale})`, one of its supported locales; the default, `auto`, is the browser's
 * (docs.stripe.com/js/elements_object/create, `locale`; docs.stripe.com/js/appendix/supported_locales).
 * The fake does the same for these thirteen, and shows English for any other, as for a locale it
 * cannot read. Right-to-left languages read right to left; card numbers stay left to right, and Latin
 * words with digits in right-to-left text sit between U+2066 and U+2069 (a left-to-right isolate).
 */

export type CardLanguage =
  'en' | 'de' | 'es' | 'fr' | 'it' | 'nl' | 'pt-BR' | 'ja' | 'ko' | 'zh-CN' | 'zh-TW' | 'ar' | 'he';

export type CardProblemCode =
  | 'incomplete_number'
  | 'invalid_number'
  | 'incomplete_expiry'
  | 'invalid_expiry_month'
  | 'invalid_expiry_year_past'
  | 'invalid_expiry_month_past'
  | 'invalid_expiry_year'
  | 'incomplete_cvc'
  | 'invalid_cvc';

/** What each test card does, in the order the hint lists them (see `fakeStripeCards`). */
export type TestCardOutcome =
  'succeeds' | 'declined' | 'insufficientFunds' | 'processing' | 'threeDSecure' | 'redirect' | 'redirectFailed';

export interface CardWords {
  legend: string;
  number: string;
  expiry: string;
  expiryPlaceholder: string;
  cvc: string;
  testCards: string;
  outcomes: Record<TestCardOutcome, string>;
  /** Between one test card and the next. */
  separator: string;
  /** Ends the list of cards (its full stop first) and says what expiry and CVC take. */
  closing: string;
  authenticate: string;
  authenticateNote: string;
  complete: string;
  fail: string;
  problems: Record<CardProblemCode, string>;
}

const en: CardWords = {
  legend: 'Card (test mode)',
  number: 'Card number',
  expiry: 'Expiry date',
  expiryPlaceholder: 'MM / YY',
  cvc: 'CVC',
  testCards: 'Test cards:',
  outcomes: {
    succeeds: 'pays',
    declined: 'is declined',
    insufficientFunds: 'has insufficient funds',
    processing: 'stays processing',
    threeDSecure: 'asks for 3-D Secure',
    redirect: 'leaves the page and comes back paid',
    redirectFailed: 'leaves and comes back declined',
  },
  separator: '; ',
  closing: '. Any future expiry, any CVC.',
  authenticate: 'Authenticate this test payment',
  authenticateNote: 'Test mode: this stands in for the bank’s 3-D Secure check.',
  complete: 'Complete',
  fail: 'Fail',
  problems: {
    incomplete_number: 'Your card number is incomplete.',
    invalid_number: 'Your card number is invalid.',
    incomplete_expiry: "Your card's expiration date is incomplete.",
    invalid_expiry_month: "Your card's expiration month is invalid.",
    invalid_expiry_year_past: "Your card's expiration year is in the past.",
    invalid_expiry_month_past: "Your card's expiration date is in the past.",
    invalid_expiry_year: "Your card's expiration year is invalid.",
    incomplete_cvc: "Your card's security code is incomplete.",
    invalid_cvc: "Your card's security code is invalid.",
  },
};

const WORDS: Record<CardLanguage, CardWords> = {
  en,
  de: {
    legend: 'Karte (Testmodus)',
    number: 'Kartennummer',
    expiry: 'Ablaufdatum',
    expiryPlaceholder: 'MM / JJ',
    cvc: 'Prüfnummer (CVC)',
    testCards: 'Testkarten:',
    outcomes: {
      succeeds: 'zahlt',
      declined: 'wird abgelehnt',
      insufficientFunds: 'hat keine ausreichende Deckung',
      processing: 'bleibt in Bearbeitung',
      threeDSecure: 'verlangt 3-D Secure',
      redirect: 'verlässt die Seite und kommt bezahlt zurück',
      redirectFailed: 'verlässt die Seite und kommt abgelehnt zurück',
    },
    separator: '; ',
    closing: '. Jedes künftige Ablaufdatum, jede Prüfnummer.',
    authenticate: 'Diese Testzahlung bestätigen',
    authenticateNote: 'Testmodus: Dies steht für die 3-D-Secure-Prüfung der Bank.',
    complete: 'Abschließen',
    fail: 'Fehlschlagen lassen',
    problems: {
      incomplete_number: 'Ihre Kartennummer ist unvollständig.',
      invalid_number: 'Ihre Kartennummer ist ungültig.',
      incomplete_expiry: 'Das Ablaufdatum Ihrer Karte ist unvollständig.',
      invalid_expiry_month: 'Der Ablaufmonat Ihrer Karte ist ungültig.',
      invalid_expiry_year_past: 'Das Ablaufjahr Ihrer Karte liegt in der Vergangenheit.',
      invalid_expiry_month_past: 'Das Ablaufdatum Ihrer Karte liegt in der Vergangenheit.',
      invalid_expiry_year: 'Das Ablaufjahr Ihrer Karte ist ungültig.',
      incomplete_cvc: 'Die Prüfnummer Ihrer Karte ist unvollständig.',
      invalid_cvc: 'Die Prüfnummer Ihrer Karte ist ungültig.',
    },
  },
  es: {
    legend: 'Tarjeta (modo de prueba)',
    number: 'Número de tarjeta',
    expiry: 'Vencimiento',
    expiryPlaceholder: 'MM / AA',
    cvc: 'CVC',
    testCards: 'Tarjetas de prueba:',
    outcomes: {
      succeeds: 'paga',
      declined: 'se rechaza',
      insufficientFunds: 'no tiene fondos suficientes',
      processing: 'queda en proceso',
      threeDSecure: 'pide 3-D Secure',
      redirect: 'sale de la página y vuelve pagada',
      redirectFailed: 'sale de la página y vuelve rechazada',
    },
    separator: '; ',
    closing: '. Cualquier vencimiento futuro, cualquier CVC.',
    authenticate: 'Autentica este pago de prueba',
    authenticateNote: 'Modo de prueba: sustituye la verificación 3-D Secure del banco.',
    complete: 'Completar',
    fail: 'Fallar',
    problems: {
      incomplete_number: 'El número de tu tarjeta está incompleto.',
      invalid_number: 'El número de tu tarjeta no es válido.',
      incomplete_expiry: 'La fecha de vencimiento de tu tarjeta está incompleta.',
      invalid_expiry_month: 'El mes de vencimiento de tu tarjeta no es válido.',
      invalid_expiry_year_past: 'El año de vencimiento de tu tarjeta ya pasó.',
      invalid_expiry_month_past: 'La fecha de vencimiento de tu tarjeta ya pasó.',
      invalid_expiry_year: 'El año de vencimiento de tu tarjeta no es válido.',
      incomplete_cvc: 'El código de seguridad de tu tarjeta está incompleto.',
      invalid_cvc: 'El código de seguridad de tu tarjeta no es válido.',
    },
  },
  fr: {
    legend: 'Carte (mode test)',
    number: 'Numéro de carte',
    expiry: 'Date d’expiration',
    expiryPlaceholder: 'MM / AA',
    cvc: 'CVC',
    testCards: 'Cartes de test :',
    outcomes: {
      succeeds: 'paie',
      declined: 'est refusée',
      insufficientFunds: 'a un solde insuffisant',
      processing: 'reste en cours de traitement',
      threeDSecure: 'demande 3-D Secure',
      redirect: 'quitte la page et revient payée',
      redirectFailed: 'quitte la page et revient refusée',
    },
    separator: ' ; ',
    closing: '. Toute date d’expiration future, tout CVC.',
    authenticate: 'Authentifier ce paiement de test',
    authenticateNote: 'Mode test : ceci remplace la vérification 3-D Secure de la banque.',
    complete: 'Valider',
    fail: 'Échouer',
    problems: {
      incomplete_number: 'Le numéro de votre carte est incomplet.',
      invalid_number: 'Le numéro de votre carte n’est pas valide.',
      incomplete_expiry: 'La date d’expiration de votre carte est incomplète.',
      invalid_expiry_month: 'Le mois d’expiration de votre carte n’est pas valide.',
      invalid_expiry_year_past: 'L’année d’expiration de votre carte est déjà passée.',
      invalid_expiry_month_past: 'La date d’expiration de votre carte est déjà passée.',
      invalid_expiry_year: 'L’année d’expiration de votre carte n’est pas valide.',
      incomplete_cvc: 'Le code de sécurité de votre carte est incomplet.',
      invalid_cvc: 'Le code de sécurité de votre carte n’est pas valide.',
    },
  },
  it: {
    legend: 'Carta (modalità test)',
    number: 'Numero della carta',
    expiry: 'Scadenza',
    expiryPlaceholder: 'MM / AA',
    cvc: 'CVC',
    testCards: 'Carte di test:',
    outcomes: {
      succeeds: 'paga',
      declined: 'viene rifiutata',
      insufficientFunds: 'non ha fondi sufficienti',
      processing: 'resta in elaborazione',
      threeDSecure: 'chiede 3-D Secure',
      redirect: 'lascia la pagina e torna pagata',
      redirectFailed: 'lascia la pagina e torna rifiutata',
    },
    separator: '; ',
    closing: '. Qualsiasi scadenza futura, qualsiasi CVC.',
    authenticate: 'Autentica questo pagamento di test',
    authenticateNote: 'Modalità test: sostituisce il controllo 3-D Secure della banca.',
    complete: 'Completa',
    fail: 'Fallisci',
    problems: {
      incomplete_number: 'Il numero della carta è incompleto.',
      invalid_number: 'Il numero della carta non è valido.',
      incomplete_expiry: 'La data di scadenza della carta è incompleta.',
      invalid_expiry_month: 'Il mese di scadenza della carta non è valido.',
      invalid_expiry_year_past: 'L’anno di scadenza della carta è già passato.',
      invalid_expiry_month_past: 'La data di scadenza della carta è già passata.',
      invalid_expiry_year: 'L’anno di scadenza della carta non è valido.',
      incomplete_cvc: 'Il codice di sicurezza della carta è incompleto.',
      invalid_cvc: 'Il codice di sicurezza della carta non è valido.',
    },
  },
  nl: {
    legend: 'Kaart (testmodus)',
    number: 'Kaartnummer',
    expiry: 'Vervaldatum',
    expiryPlaceholder: 'MM / JJ',
    cvc: 'CVC',
    testCards: 'Testkaarten:',
    outcomes: {
      succeeds: 'betaalt',
      declined: 'wordt geweigerd',
      insufficientFunds: 'heeft onvoldoende saldo',
      processing: 'blijft in behandeling',
      threeDSecure: 'vraagt om 3-D Secure',
      redirect: 'verlaat de pagina en komt betaald terug',
      redirectFailed: 'verlaat de pagina en komt geweigerd terug',
    },
    separator: '; ',
    closing: '. Elke toekomstige vervaldatum, elke CVC.',
    authenticate: 'Deze testbetaling verifiëren',
    authenticateNote: 'Testmodus: dit staat voor de 3-D Secure-controle van de bank.',
    complete: 'Voltooien',
    fail: 'Laten mislukken',
    problems: {
      incomplete_number: 'Je kaartnummer is onvolledig.',
      invalid_number: 'Je kaartnummer is ongeldig.',
      incomplete_expiry: 'De vervaldatum van je kaart is onvolledig.',
      invalid_expiry_month: 'De vervalmaand van je kaart is ongeldig.',
      invalid_expiry_year_past: 'Het vervaljaar van je kaart ligt in het verleden.',
      invalid_expiry_month_past: 'De vervaldatum van je kaart ligt in het verleden.',
      invalid_expiry_year: 'Het vervaljaar van je kaart is ongeldig.',
      incomplete_cvc: 'De beveiligingscode van je kaart is onvolledig.',
      invalid_cvc: 'De beveiligingscode van je kaart is ongeldig.',
    },
  },
  'pt-BR': {
    legend: 'Cartão (modo de teste)',
    number: 'Número do cartão',
    expiry: 'Validade',
    expiryPlaceholder: 'MM / AA',
    cvc: 'CVC',
    testCards: 'Cartões de teste:',
    outcomes: {
      succeeds: 'paga',
      declined: 'é recusado',
      insufficientFunds: 'não tem saldo suficiente',
      processing: 'fica em processamento',
      threeDSecure: 'pede 3-D Secure',
      redirect: 'sai da página e volta pago',
      redirectFailed: 'sai da página e volta recusado',
    },
    separator: '; ',
    closing: '. Qualquer validade futura, qualquer CVC.',
    authenticate: 'Autentique este pagamento de teste',
    authenticateNote: 'Modo de teste: substitui a verificação 3-D Secure do banco.',
    complete: 'Concluir',
    fail: 'Falhar',
    problems: {
      incomplete_number: 'O número do seu cartão está incompleto.',
      invalid_number: 'O número do seu cartão é inválido.',
      incomplete_expiry: 'A data de validade do seu cartão está incompleta.',
      invalid_expiry_month: 'O mês de validade do seu cartão é inválido.',
      invalid_expiry_year_past: 'O ano de validade do seu cartão já passou.',
      invalid_expiry_month_past: 'A data de validade do seu cartão já passou.',
      invalid_expiry_year: 'O ano de validade do seu cartão é inválido.',
      incomplete_cvc: 'O código de segurança do seu cartão está incompleto.',
      invalid_cvc: 'O código de segurança do seu cartão é inválido.',
    },
  },
  ja: {
    legend: 'カード（テストモード）',
    number: 'カード番号',
    expiry: '有効期限',
    expiryPlaceholder: 'MM / YY',
    cvc: 'セキュリティコード',
    testCards: 'テストカード：',
    outcomes: {
      succeeds: '支払い成功',
      declined: '拒否',
      insufficientFunds: '残高不足',
      processing: '処理中のまま',
      threeDSecure: '3Dセキュアを要求',
      redirect: 'ページを離れ、支払い済みで戻る',
      redirectFailed: 'ページを離れ、拒否されて戻る',
    },
    separator: '、',
    closing: '。有効期限は未来の日付、セキュリティコードは任意です。',
    authenticate: 'このテスト支払いを認証',
    authenticateNote: 'テストモード：銀行の3Dセキュア認証の代わりです。',
    complete: '完了',
    fail: '失敗',
    problems: {
      incomplete_number: 'カード番号が不完全です。',
      invalid_number: 'カード番号が無効です。',
      incomplete_expiry: 'カードの有効期限が不完全です。',
      invalid_expiry_month: 'カードの有効期限の月が無効です。',
      invalid_expiry_year_past: 'カードの有効期限の年が過ぎています。',
      invalid_expiry_month_past: 'カードの有効期限が過ぎています。',
      invalid_expiry_year: 'カードの有効期限の年が無効です。',
      incomplete_cvc: 'カードのセキュリティコードが不完全です。',
      invalid_cvc: 'カードのセキュリティコードが無効です。',
    },
  },
  ko: {
    legend: '카드(테스트 모드)',
    number: '카드 번호',
    expiry: '유효 기간',
    expiryPlaceholder: 'MM / YY',
    cvc: 'CVC',
    testCards: '테스트 카드:',
    outcomes: {
      succeeds: '결제 성공',
      declined: '거절됨',
      insufficientFunds: '잔액 부족',
      processing: '처리 중으로 남음',
      threeDSecure: '3D 보안 인증 요청',
      redirect: '페이지를 떠났다가 결제 완료로 돌아옴',
      redirectFailed: '페이지를 떠났다가 거절되어 돌아옴',
    },
    separator: '; ',
    closing: '. 유효 기간은 미래 날짜, CVC는 아무 숫자나 됩니다.',
    authenticate: '이 테스트 결제 인증',
    authenticateNote: '테스트 모드: 은행의 3D 보안 확인을 대신합니다.',
    complete: '완료',
    fail: '실패',
    problems: {
      incomplete_number: '카드 번호가 불완전합니다.',
      invalid_number: '카드 번호가 유효하지 않습니다.',
      incomplete_expiry: '카드 유효 기간이 불완전합니다.',
      invalid_expiry_month: '카드 유효 기간의 월이 유효하지 않습니다.',
      invalid_expiry_year_past: '카드 유효 기간의 연도가 지났습니다.',
      invalid_expiry_month_past: '카드 유효 기간이 지났습니다.',
      invalid_expiry_year: '카드 유효 기간의 연도가 유효하지 않습니다.',
      incomplete_cvc: '카드 보안 코드가 불완전합니다.',
      invalid_cvc: '카드 보안 코드가 유효하지 않습니다.',
    },
  },
  'zh-CN': {
    legend: '银行卡（测试模式）',
    number: '卡号',
    expiry: '有效期',
    expiryPlaceholder: 'MM / YY',
    cvc: '安全码',
    testCards: '测试卡：',
    outcomes: {
      succeeds: '支付成功',
      declined: '被拒绝',
      insufficientFunds: '余额不足',
      processing: '保持处理中',
      threeDSecure: '要求 3D 安全验证',
      redirect: '离开页面后以已支付返回',
      redirectFailed: '离开页面后以被拒绝返回',
    },
    separator: '；',
    closing: '。有效期可填任意未来日期，安全码任意。',
    authenticate: '验证这笔测试付款',
    authenticateNote: '测试模式：代替银行的 3D 安全验证。',
    complete: '完成',
    fail: '失败',
    problems: {
      incomplete_number: '您的卡号不完整。',
      invalid_number: '您的卡号无效。',
      incomplete_expiry: '您的卡有效期不完整。',
      invalid_expiry_month: '您的卡有效期月份无效。',
      invalid_expiry_year_past: '您的卡有效期年份已过。',
      invalid_expiry_month_past: '您的卡已过有效期。',
      invalid_expiry_year: '您的卡有效期年份无效。',
      incomplete_cvc: '您的卡安全码不完整。',
      invalid_cvc: '您的卡安全码无效。',
    },
  },
  'zh-TW': {
    legend: '信用卡（測試模式）',
    number: '卡號',
    expiry: '到期日',
    expiryPlaceholder: 'MM / YY',
    cvc: '安全碼',
    testCards: '測試卡：',
    outcomes: {
      succeeds: '付款成功',
      declined: '遭拒絕',
      insufficientFunds: '餘額不足',
      processing: '維持處理中',
      threeDSecure: '要求 3D 驗證',
      redirect: '離開頁面後以已付款返回',
      redirectFailed: '離開頁面後以遭拒絕返回',
    },
    separator: '；',
    closing: '。到期日可填任何未來日期，安全碼任意。',
    authenticate: '驗證這筆測試付款',
    authenticateNote: '測試模式：代替銀行的 3D 驗證。',
    complete: '完成',
    fail: '失敗',
    problems: {
      incomplete_number: '您的卡號不完整。',
      invalid_number: '您的卡號無效。',
      incomplete_expiry: '您的卡片到期日不完整。',
      invalid_expiry_month: '您的卡片到期月份無效。',
      invalid_expiry_year_past: '您的卡片到期年份已過。',
      invalid_expiry_month_past: '您的卡片已過期。',
      invalid_expiry_year: '您的卡片到期年份無效。',
      incomplete_cvc: '您的卡片安全碼不完整。',
      invalid_cvc: '您的卡片安全碼無效。',
    },
  },
  ar: {
    legend: 'البطاقة (وضع الاختبار)',
    number: 'رقم البطاقة',
    expiry: 'تاريخ الانتهاء',
    expiryPlaceholder: 'MM / YY',
    cvc: 'رمز الأمان (CVC)',
    testCards: 'بطاقات الاختبار:',
    outcomes: {
      succeeds: 'تدفع',
      declined: 'تُرفض',
      insufficientFunds: 'رصيدها غير كافٍ',
      processing: 'تبقى قيد المعالجة',
      threeDSecure: 'تطلب التحقق \u20663-D Secure\u2069',
      redirect: 'تغادر الصفحة وتعود مدفوعة',
      redirectFailed: 'تغادر الصفحة وتعود مرفوضة',
    },
    separator: '؛ ',
    closing: '. أي تاريخ انتهاء في المستقبل، وأي رمز أمان.',
    authenticate: 'تحقّق من هذه الدفعة التجريبية',
    authenticateNote: 'وضع الاختبار: هذا بديل عن تحقق \u20663-D Secure\u2069 لدى البنك.',
    complete: 'إتمام',
    fail: 'إفشال',
    problems: {
      incomplete_number: 'رقم بطاقتك غير مكتمل.',
      invalid_number: 'رقم بطاقتك غير صالح.',
      incomplete_expiry: 'تاريخ انتهاء بطاقتك غير مكتمل.',
      invalid_expiry_month: 'شهر انتهاء بطاقتك غير صالح.',
      invalid_expiry_year_past: 'سنة انتهاء بطاقتك في الماضي.',
      invalid_expiry_month_past: 'تاريخ انتهاء بطاقتك في الماضي.',
      invalid_expiry_year: 'سنة انتهاء بطاقتك غير صالحة.',
      incomplete_cvc: 'رمز أمان بطاقتك غير مكتمل.',
      invalid_cvc: 'رمز أمان بطاقتك غير صالح.',
    },
  },
  he: {
    legend: 'כרטיס (מצב בדיקה)',
    number: 'מספר כרטיס',
    expiry: 'תוקף',
    expiryPlaceholder: 'MM / YY',
    cvc: 'CVC',
    testCards: 'כרטיסי בדיקה:',
    outcomes: {
      succeeds: 'משלם',
      declined: 'נדחה',
      insufficientFunds: 'אין בו יתרה מספקת',
      processing: 'נשאר בעיבוד',
      threeDSecure: 'מבקש אימות \u20663-D Secure\u2069',
      redirect: 'יוצא מהדף וחוזר משולם',
      redirectFailed: 'יוצא מהדף וחוזר נדחה',
    },
    separator: '; ',
    closing: '. כל תוקף עתידי, כל CVC.',
    authenticate: 'אימות תשלום הבדיקה הזה',
    authenticateNote: 'מצב בדיקה: זה במקום בדיקת \u20663-D Secure\u2069 של הבנק.',
    complete: 'השלמה',
    fail: 'כישלון',
    problems: {
      incomplete_number: 'מספר הכרטיס שלך לא שלם.',
      invalid_number: 'מספר הכרטיס שלך לא תקין.',
      incomplete_expiry: 'תאריך התוקף של הכרטיס לא שלם.',
      invalid_expiry_month: 'חודש התוקף של הכרטיס לא תקין.',
      invalid_expiry_year_past: 'שנת התוקף של הכרטיס כבר עברה.',
      invalid_expiry_month_past: 'תוקף הכרטיס כבר עבר.',
      invalid_expiry_year: 'שנת התוקף של הכרטיס לא תקינה.',
      incomplete_cvc: 'קוד האבטחה של הכרטיס לא שלם.',
      invalid_cvc: 'קוד האבטחה של הכרטיס לא תקין.',
    },
  },
};

const LANGUAGES = Object.keys(WORDS) as CardLanguage[];
/** Stripe's locales (and tags a browser sends) whose words the fake has under another name. */
const SAME_WORDS: Record<string, CardLanguage> = {
  zh: 'zh-CN',
  'zh-hans': 'zh-CN',
  'zh-hk': 'zh-TW',
  'zh-hant': 'zh-TW',
  pt: 'pt-BR',
};

/** One tag's language, by the whole tag (`zh-TW`), by script (`zh-Hant-HK`), then by language (`en-GB` → `en`). */
const languageOf = (tag: string): CardLanguage | undefined => {
  const lower = tag.toLowerCase();
  const [language = '', second = ''] = lower.split('-');
  return (
    LANGUAGES.find((known) => known.toLowerCase() === lower) ??
    SAME_WORDS[lower] ??
    SAME_WORDS[`${language}-${second}`] ??
    SAME_WORDS[language] ??
    LANGUAGES.find((known) => known === language)
  );
};

export interface CardLocale {
  lang: CardLanguage;
  dir: 'ltr' | 'rtl';
  words: CardWords;
}

/**
 * The card form's language for `stripe.elements({locale})`: `auto` (or none) is the browser's first
 * language the fake has, anything else it cannot read is English.
 */
export const cardLocale = (locale: unknown, browser: readonly string[] = navigator.languages): CardLocale => {
  const lang =
    (locale === undefined || locale === 'auto'
      ? browser.map(languageOf).find(Boolean)
      : typeof locale === 'string'
        ? languageOf(locale)
        : undefined) ?? 'en';
  return { lang, dir: lang === 'ar' || lang === 'he' ? 'rtl' : 'ltr', words: WORDS[lang] };
};

/**
 * The test cards as the form lists them, `<p id="hint">`. Each number is a left-to-right island:
 * in a right-to-left line its groups of digits would otherwise come out in reverse order.
 */
export const testCardsHint = (words: CardWords, cards: Record<TestCardOutcome, string>): HTMLParagraphElement => {
  const hint = Object.assign(document.createElement('p'), {
    id: 'hint',
    className: 'hint',
    textContent: `${words.testCards} `,
  });
  Object.entries(cards).forEach(([outcome, digits], index) => {
    const number = Object.assign(document.createElement('span'), {
      dir: 'ltr',
      textContent: digits.replace(/(\d{4})(?=\d)/g, '$1 '),
    });
    hint.append(...(index ? [words.separator] : []), number, ` ${words.outcomes[outcome as TestCardOutcome]}`);
  });
  hint.append(words.closing);
  return hint;
};

/**
 * The words of the fake device's wallet sheet. A wallet's sheet is the device's, not Stripe's: the
 * `locale` of `elements()` "doesn't affect content that Stripe doesn't render, such as browser and
 * wallet payment sheets (for example, Apple Pay and Google Pay), which use the customer's browser or
 * device language" (docs.stripe.com/js/elements_object/create). The fake device speaks English.
 * `{amount}` and `{country}` stand for what the sheet puts there.
 */
export const walletWords = {
  testMode: 'Test device',
  pay: 'Pay {amount}',
  payNoAmount: 'Pay',
  contact: 'Contact',
  shipTo: 'Ship to',
  shipping: 'Shipping',
  approve: 'Double-click to pay: this test device does it for you.',
  processing: 'Processing…',
  cannotShip: 'This merchant does not ship to {country}.',
  cancel: 'Cancel',
} as const;
