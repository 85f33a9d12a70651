<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr" sourcelanguage="en_US">
<context>
    <name>CardForm</name>
    <message>
        <source>New</source>
        <extracomment>Enter was pressed in one of the inputs. Esc was pressed in one of the inputs. The amount or currency changed: (amount or None when it does not parse, currency). The card fields were wiped because nobody typed for ``idle_seconds``.</extracomment>
        <translation>Yeni</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Tutar</translation>
    </message>
    <message>
        <source>Amount to charge</source>
        <translation>Çekilecek tutar</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Para birimi</translation>
    </message>
    <message>
        <source>Card holder</source>
        <translation>Kart sahibi</translation>
    </message>
    <message>
        <source>Name as on the card</source>
        <translation>Kartın üzerindeki ad</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>Kart numarası</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Son kullanma</translation>
    </message>
    <message>
        <source>CVV</source>
        <translation>CVV</translation>
    </message>
    <message>
        <source>3 digits</source>
        <translation>3 hane</translation>
    </message>
    <message>
        <source>Customer ID</source>
        <translation>Müşteri no</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>İsteğe bağlı</translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation>Sipariş no</translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation>{field}:</translation>
    </message>
    <message>
        <source>Card brand</source>
        <translation>Kart markası</translation>
    </message>
    <message>
        <source>New order ID</source>
        <translation>Yeni sipariş no</translation>
    </message>
    <message>
        <source>Generate a fresh order ID</source>
        <translation>Yeni bir sipariş numarası üret</translation>
    </message>
    <message>
        <source>{count} digits</source>
        <translation>{count} hane</translation>
    </message>
</context>
<context>
    <name>DomainMessages</name>
    <message>
        <source>Enter the card number.</source>
        <extracomment>Languages with a translation, default first. The locale that formats numbers and dates for each language. Messages of ``domain/`` (which never imports Qt), listed here so lupdate collects them. Messages with a value in them are matched by the patterns below and translated with the value put back.</extracomment>
        <translation>Kart numarasını girin.</translation>
    </message>
    <message>
        <source>The card number has only digits.</source>
        <translation>Kart numarası yalnızca rakamlardan oluşur.</translation>
    </message>
    <message>
        <source>The card number is too short or too long.</source>
        <translation>Kart numarası çok kısa veya çok uzun.</translation>
    </message>
    <message>
        <source>The card number is not valid (check digit). Check it was typed right.</source>
        <translation>Kart numarası geçersiz (kontrol hanesi). Doğru yazıldığını kontrol edin.</translation>
    </message>
    <message>
        <source>Enter the expiry as MM/YY.</source>
        <translation>Son kullanma tarihini AA/YY olarak girin.</translation>
    </message>
    <message>
        <source>The expiry month is 01 to 12.</source>
        <translation>Son kullanma ayı 01 ile 12 arasındadır.</translation>
    </message>
    <message>
        <source>The card has expired.</source>
        <translation>Kartın süresi dolmuş.</translation>
    </message>
    <message>
        <source>The expiry year is too far ahead.</source>
        <translation>Son kullanma yılı çok ileride.</translation>
    </message>
    <message>
        <source>Enter the security code (CVV).</source>
        <translation>Güvenlik kodunu (CVV) girin.</translation>
    </message>
    <message>
        <source>Enter the card holder&apos;s name.</source>
        <translation>Kart sahibinin adını girin.</translation>
    </message>
    <message>
        <source>The name is at most 100 characters.</source>
        <translation>Ad en fazla 100 karakter olabilir.</translation>
    </message>
    <message>
        <source>The name has letters only.</source>
        <translation>Ad yalnızca harflerden oluşur.</translation>
    </message>
    <message>
        <source>Enter an amount.</source>
        <translation>Bir tutar girin.</translation>
    </message>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation>Tutar sıfırdan büyük olmalı.</translation>
    </message>
    <message>
        <source>Use digits and one decimal separator only.</source>
        <translation>Yalnızca rakam ve bir ondalık ayırıcı kullanın.</translation>
    </message>
    <message>
        <source>That is not an amount.</source>
        <translation>Bu bir tutar değil.</translation>
    </message>
    <message>
        <source>Use one decimal separator only.</source>
        <translation>Yalnızca bir ondalık ayırıcı kullanın.</translation>
    </message>
    <message>
        <source>Thousands separators must group digits in threes.</source>
        <translation>Binlik ayırıcılar rakamları üçerli gruplamalı.</translation>
    </message>
    <message>
        <source>Enter an order ID (press New for a fresh one).</source>
        <translation>Bir sipariş numarası girin (yenisi için Yeni düğmesine basın).</translation>
    </message>
    <message>
        <source>The order ID is at most 64 characters.</source>
        <translation>Sipariş numarası en fazla 64 karakter olabilir.</translation>
    </message>
    <message>
        <source>Use letters, digits and - _ . / only, starting with a letter or digit.</source>
        <translation>Yalnızca harf, rakam ve - _ . / kullanın; harf veya rakamla başlayın.</translation>
    </message>
    <message>
        <source>A {brand} card number has {lengths} digits.</source>
        <translation>{brand} kart numarası {lengths} hanelidir.</translation>
    </message>
    <message>
        <source>The security code has {count} digits for this card.</source>
        <translation>Bu kartın güvenlik kodu {count} hanelidir.</translation>
    </message>
    <message>
        <source>{currency} has no decimal places.</source>
        <translation>{currency} ondalık basamak içermez.</translation>
    </message>
    <message>
        <source>{currency} allows at most {digits} decimal places.</source>
        <translation>{currency} en fazla {digits} ondalık basamağa izin verir.</translation>
    </message>
    <message>
        <source>The amount is over the limit of {limit}.</source>
        <translation>Tutar {limit} sınırının üzerinde.</translation>
    </message>
    <message>
        <source>Unknown currency {currency}.</source>
        <translation>Bilinmeyen para birimi {currency}.</translation>
    </message>
</context>
<context>
    <name>ExpiryLineEdit</name>
    <message>
        <source>MM/YY</source>
        <extracomment>Gateway field names (camelCase) -&gt; the form field that shows their errors.</extracomment>
        <translation>AA/YY</translation>
    </message>
</context>
<context>
    <name>InstallmentPlanBanner</name>
    <message>
        <source>Installment plan of this sale</source>
        <translation>Bu satışın taksit planı</translation>
    </message>
    <message>
        <source>Remove the installment plan</source>
        <translation>Taksit planını kaldır</translation>
    </message>
    <message>
        <source>Remove the installment plan: the sale is then paid at once</source>
        <translation>Taksit planını kaldır: satış tek çekimle ödenir</translation>
    </message>
    <message>
        <source>&lt;b&gt;3-D Secure sale of {amount} {plan}.&lt;/b&gt;&lt;br&gt;Type the card again: card details are never carried over from the Installments tab.</source>
        <translation>&lt;b&gt;{amount} tutarında 3-D Secure satış, {plan}.&lt;/b&gt;&lt;br&gt;Kartı yeniden girin: kart bilgileri Taksitler sekmesinden asla aktarılmaz.</translation>
    </message>
</context>
<context>
    <name>InstallmentSale</name>
    <message>
        <source>Installment plan note</source>
        <extracomment>The note outlives the payment that wrote it (a decline), then goes with the next one.</extracomment>
        <translation>Taksit planı notu</translation>
    </message>
    <message>
        <source>Installment plan removed: this sale is paid at once.</source>
        <translation>Taksit planı kaldırıldı: bu satış tek çekimle ödenir.</translation>
    </message>
    <message>
        <source>A payment is in progress. Choose the installment option again when it has finished.</source>
        <translation>Bir ödeme sürüyor. Bittiğinde taksit seçeneğini yeniden seçin.</translation>
    </message>
    <message>
        <source>The installment plan went with the declined order. For another card, choose the option again in the Installments tab.</source>
        <translation>Taksit planı reddedilen siparişle birlikte kaldırıldı. Başka bir kart için seçeneği Taksitler sekmesinde yeniden seçin.</translation>
    </message>
    <message>
        <source>the currency changed</source>
        <translation>para birimi değişti</translation>
    </message>
    <message>
        <source>the amount was cleared</source>
        <translation>tutar silindi</translation>
    </message>
    <message>
        <source>the amount changed</source>
        <translation>tutar değişti</translation>
    </message>
    <message>
        <source>Installment plan removed: {what}, and the options were quoted for {quoted}. Choose an option again in the Installments tab.</source>
        <translation>Taksit planı kaldırıldı: {what}; seçenekler {quoted} için alınmıştı. Taksitler sekmesinde yeniden bir seçenek seçin.</translation>
    </message>
    <message>
        <source>Installment plan removed: installments are only paid with 3-D Secure.</source>
        <translation>Taksit planı kaldırıldı: taksitli ödeme yalnızca 3-D Secure ile yapılır.</translation>
    </message>
</context>
<context>
    <name>InstallmentsTab</name>
    <message>
        <source>Installments</source>
        <translation>Taksitler</translation>
    </message>
    <message>
        <source>Per installment</source>
        <translation>Taksit tutarı</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>Faiz</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Toplam</translation>
    </message>
    <message>
        <source>e.g. {amount}</source>
        <extracomment>(installment count, interest paid by customer, amount quoted (Decimal), currency) The table was filled: the options shown (list of InstallmentOption).</extracomment>
        <translation>örn. {amount}</translation>
    </message>
    <message>
        <source>Card number (only the first digits decide the options)</source>
        <translation>Kart numarası (seçenekleri yalnızca ilk haneler belirler)</translation>
    </message>
    <message>
        <source>The customer pays the interest</source>
        <translation>Faizi müşteri öder</translation>
    </message>
    <message>
        <source>Show options</source>
        <translation>Seçenekleri göster</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Tutar</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Para birimi</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>Kart numarası</translation>
    </message>
    <message>
        <source>Maximum number of installments</source>
        <translation>En fazla taksit sayısı</translation>
    </message>
    <message>
        <source>Customer pays the interest</source>
        <translation>Faizi müşteri öder</translation>
    </message>
    <message>
        <source>Show installment options</source>
        <translation>Taksit seçeneklerini göster</translation>
    </message>
    <message>
        <source>Installment options message</source>
        <translation>Taksit seçenekleri mesajı</translation>
    </message>
    <message>
        <source>Card quoted</source>
        <translation>Sorgulanan kart</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>En fazla</translation>
    </message>
    <message>
        <source> installments</source>
        <translation> taksit</translation>
    </message>
    <message>
        <source>Installment options</source>
        <translation>Taksit seçenekleri</translation>
    </message>
    <message>
        <source>Use this option</source>
        <translation>Bu seçeneği kullan</translation>
    </message>
    <message>
        <source>Use the selected installment option</source>
        <translation>Seçili taksit seçeneğini kullan</translation>
    </message>
    <message>
        <source>Start a 3-D Secure sale with the selected number of installments</source>
        <translation>Seçili taksit sayısıyla 3-D Secure satış başlat</translation>
    </message>
    <message>
        <source>Asking the gateway…</source>
        <translation>Ödeme sistemine soruluyor…</translation>
    </message>
    <message>
        <source>Card {card} {brand} · {amount}</source>
        <translation>Kart {card} {brand} · {amount}</translation>
    </message>
    <message>
        <source>1 (single payment)</source>
        <translation>1 (tek çekim)</translation>
    </message>
    <message>
        <source>This card has no installment options for this amount: a single payment only.</source>
        <translation>Bu kartın bu tutar için taksit seçeneği yok: yalnızca tek çekim.</translation>
    </message>
    <message>
        <source>This card can only pay in a single payment.</source>
        <translation>Bu kart yalnızca tek çekimle ödeyebilir.</translation>
    </message>
    <message>
        <source>{count} options; the customer pays the interest. Double-click a row or select it and press Use this option.</source>
        <translation>{count} seçenek; faizi müşteri öder. Bir satıra çift tıklayın ya da seçip Bu seçeneği kullan düğmesine basın.</translation>
    </message>
    <message>
        <source>{count} options; you (the merchant) pay the interest. Double-click a row or select it and press Use this option.</source>
        <translation>{count} seçenek; faizi siz (üye işyeri) ödersiniz. Bir satıra çift tıklayın ya da seçip Bu seçeneği kullan düğmesine basın.</translation>
    </message>
    <message>
        <source>The gateway refused the request: see the marked fields.</source>
        <translation>Ödeme sistemi isteği reddetti: işaretli alanlara bakın.</translation>
    </message>
    <message>
        <source>No options: {reason}</source>
        <translation>Seçenek yok: {reason}</translation>
    </message>
    <message>
        <source>The inputs changed: press Show options again.</source>
        <translation>Girişler değişti: Seçenekleri göster düğmesine yeniden basın.</translation>
    </message>
</context>
<context>
    <name>PreAuthTab</name>
    <message>
        <source>Order ID</source>
        <translation>Sipariş no</translation>
    </message>
    <message>
        <source>Authorized</source>
        <translation>Provizyon</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Kart</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Süre</translation>
    </message>
    <message>
        <source>Left to capture</source>
        <translation>Tahsil edilecek kalan</translation>
    </message>
    <message>
        <source>just now</source>
        <extracomment>How often the ages in the list are brought up to date.</extracomment>
        <translation>az önce</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} dk</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} sa {minutes} dk</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} sa</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 gün</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} gün</translation>
    </message>
    <message>
        <source>Amount to hold on the card</source>
        <extracomment>A pre-authorization or capture ended (any state) and the tab is ready for the next action; the journal already holds it. Carries the :class:`PaymentOutcome`. The journal id of the pre-authorization whose amount is in the capture field.</extracomment>
        <translation>Kartta bloke edilecek tutar</translation>
    </message>
    <message>
        <source>Authorize</source>
        <translation>Provizyon al</translation>
    </message>
    <message>
        <source>Authorize (hold the amount on the card)</source>
        <translation>Provizyon al (tutarı kartta bloke et)</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Gönderiliyor</translation>
    </message>
    <message>
        <source>Open pre-authorizations</source>
        <translation>Açık ön provizyonlar</translation>
    </message>
    <message>
        <source>No open pre-authorizations.</source>
        <translation>Açık ön provizyon yok.</translation>
    </message>
    <message>
        <source>Select a pre-authorization</source>
        <translation>Bir ön provizyon seçin</translation>
    </message>
    <message>
        <source>Amount to capture</source>
        <translation>Tahsil edilecek tutar</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Tahsil et</translation>
    </message>
    <message>
        <source>Capture the selected pre-authorization</source>
        <translation>Seçili ön provizyonu tahsil et</translation>
    </message>
    <message>
        <source>Charge the card the amount typed (at most what is left); the rest of the hold is released</source>
        <translation>Yazılan tutarı karttan tahsil et (en fazla kalan kadar); blokenin geri kalanı serbest bırakılır</translation>
    </message>
    <message>
        <source>Capture problem</source>
        <translation>Tahsilat sorunu</translation>
    </message>
    <message>
        <source>Capture amount:</source>
        <translation>Tahsil tutarı:</translation>
    </message>
    <message>
        <source>Authorizing — please wait</source>
        <translation>Provizyon alınıyor — lütfen bekleyin</translation>
    </message>
    <message>
        <source>The pre-authorization did not go through</source>
        <translation>Ön provizyon gerçekleşmedi</translation>
    </message>
    <message>
        <source>Select a pre-authorization to capture.</source>
        <translation>Tahsil etmek için bir ön provizyon seçin.</translation>
    </message>
    <message>
        <source>Capturing — please wait</source>
        <translation>Tahsil ediliyor — lütfen bekleyin</translation>
    </message>
    <message>
        <source>The capture did not go through</source>
        <translation>Tahsilat gerçekleşmedi</translation>
    </message>
    <message>
        <source>A capture of {order_id} has no known outcome yet. Resolve it in the Journal before capturing again.</source>
        <translation>{order_id} tahsilatının sonucu henüz bilinmiyor. Yeniden tahsil etmeden önce İşlem günlüğünde netleştirin.</translation>
    </message>
    <message>
        <source>capture outcome unknown</source>
        <translation>tahsilat sonucu bilinmiyor</translation>
    </message>
    <message>
        <source>At most {amount}</source>
        <translation>En fazla {amount}</translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <source>APPROVED</source>
        <extracomment>(headline, background, text colour) per state; headlines are translated when shown (context ``ResultPanel``).</extracomment>
        <translation>ONAYLANDI</translation>
    </message>
    <message>
        <source>DECLINED</source>
        <translation>REDDEDİLDİ</translation>
    </message>
    <message>
        <source>3-D SECURE REQUIRED</source>
        <translation>3-D SECURE GEREKLİ</translation>
    </message>
    <message>
        <source>OUTCOME UNKNOWN</source>
        <translation>SONUÇ BİLİNMİYOR</translation>
    </message>
    <message>
        <source>NOT CHARGED</source>
        <translation>ÇEKİM YAPILMADI</translation>
    </message>
    <message>
        <source>NOT SENT</source>
        <translation>GÖNDERİLMEDİ</translation>
    </message>
    <message>
        <source>CANCELLED — NOT CHARGED</source>
        <translation>İPTAL EDİLDİ — ÇEKİM YAPILMADI</translation>
    </message>
    <message>
        <source>The payment may or may not have gone through. &lt;b&gt;Do not charge again.&lt;/b&gt; Check the Journal — it will be resolved with the gateway.</source>
        <translation>Ödeme gerçekleşmiş de olabilir, gerçekleşmemiş de. &lt;b&gt;Yeniden çekim yapmayın.&lt;/b&gt; İşlem günlüğüne bakın — sonuç ödeme sistemiyle netleştirilecek.</translation>
    </message>
    <message>
        <source>Payment result</source>
        <extracomment>The cashier asked for the receipt of this journal entry id. The cashier chose &quot;Pay with 3-D Secure&quot; for an ENROLLED card.</extracomment>
        <translation>Ödeme sonucu</translation>
    </message>
    <message>
        <source>Receipt…</source>
        <translation>Fiş…</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Fiş</translation>
    </message>
    <message>
        <source>Pay with 3-D Secure</source>
        <translation>3-D Secure ile öde</translation>
    </message>
    <message>
        <source>Result: {headline}</source>
        <translation>Sonuç: {headline}</translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation>Sipariş no</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Tutar</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Kart</translation>
    </message>
    <message>
        <source>Scheme / type</source>
        <translation>Şema / tür</translation>
    </message>
    <message>
        <source>Domestic / international</source>
        <translation>Yurt içi / yurt dışı</translation>
    </message>
    <message>
        <source>Auth code</source>
        <translation>Onay kodu</translation>
    </message>
    <message>
        <source>Gateway result</source>
        <translation>Ödeme sistemi yanıtı</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>Komisyon</translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation>{field}:</translation>
    </message>
</context>
<context>
    <name>SaleTab</name>
    <message>
        <source>Pay</source>
        <extracomment>A payment ended (any state); the journal already holds it. The cashier chose 3-D Secure for an ENROLLED card: the :class:`CardOrder` to send through /api/3ds. Replaces :meth:`PaymentService.sale` when set (3-D Secure switch). Duplicates are checked first.</extracomment>
        <translation>Öde</translation>
    </message>
    <message>
        <source>Sending payment</source>
        <translation>Ödeme gönderiliyor</translation>
    </message>
    <message>
        <source>Enter pays · Esc clears</source>
        <translation>Enter öder · Esc temizler</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Gönderiliyor…</translation>
    </message>
    <message>
        <source>Sending — please wait</source>
        <translation>Gönderiliyor — lütfen bekleyin</translation>
    </message>
    <message>
        <source>The payment did not go through</source>
        <translation>Ödeme gerçekleşmedi</translation>
    </message>
    <message>
        <source>Possible double charge</source>
        <translation>Olası mükerrer çekim</translation>
    </message>
    <message>
        <source>Charge again</source>
        <translation>Yeniden çek</translation>
    </message>
    <message>
        <source>Do not charge</source>
        <translation>Çekme</translation>
    </message>
    <message>
        <source>Pay {amount} {currency}</source>
        <translation>Öde {amount} {currency}</translation>
    </message>
    <message>
        <source>3-D Secure</source>
        <translation>3-D Secure</translation>
    </message>
    <message>
        <source>The card details were cleared. Type the card again and pay with 3-D Secure.</source>
        <translation>Kart bilgileri silindi. Kartı yeniden girin ve 3-D Secure ile ödeyin.</translation>
    </message>
</context>
</TS>
