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
    <name>IdleLock</name>
    <message>
        <source>Wrong PIN. The terminal stays locked.</source>
        <extracomment>True when the lock screen appeared, False when it went away.</extracomment>
        <translation>Yanlış PIN. Terminal kilitli kalıyor.</translation>
    </message>
</context>
<context>
    <name>InstallmentPlanBanner</name>
    <message>
        <source>Installment plan of this sale</source>
        <extracomment>The quoted row&apos;s figures, when the Installments tab still holds them (shown, never sent).</extracomment>
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
        <source>&lt;b&gt;3-D Secure sale of {amount} {plan}.&lt;/b&gt;</source>
        <translation>&lt;b&gt;{amount} tutarında 3-D Secure satış, {plan}.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The card holder pays {count} × {each} = {total}.</source>
        <translation>Kart sahibi {count} × {each} = {total} öder.</translation>
    </message>
    <message>
        <source>Type the card again: card details are never carried over from the Installments tab.</source>
        <translation>Kartı yeniden girin: kart bilgileri Taksitler sekmesinden asla aktarılmaz.</translation>
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
    <name>LockScreen</name>
    <message>
        <source>Terminal locked</source>
        <extracomment>Input that counts as the cashier being there.</extracomment>
        <translation>Terminal kilitli</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>PIN problem</source>
        <translation>PIN sorunu</translation>
    </message>
    <message>
        <source>The terminal was idle and is locked. Enter the PIN to continue.</source>
        <translation>Terminal boşta kaldığı için kilitlendi. Devam etmek için PIN’i girin.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Kilidi aç</translation>
    </message>
    <message>
        <source>The terminal was idle and is locked. No PIN is set: a manager can set one in Settings so that only staff can unlock it.</source>
        <translation>Terminal boşta kaldığı için kilitlendi. PIN tanımlı değil: kilidi yalnızca personelin açabilmesi için bir yönetici Ayarlar’dan PIN belirleyebilir.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Devam</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Sale</source>
        <extracomment>Tab text; ``&amp;`` marks the Alt+letter mnemonic. The tab&apos;s class; later names are accepted spellings (the pre-authorization tab is ``PreAuthTab``).</extracomment>
        <translation>&amp;Satış</translation>
    </message>
    <message>
        <source>&amp;Pre-authorization</source>
        <translation>Ö&amp;n provizyon</translation>
    </message>
    <message>
        <source>&amp;Installments</source>
        <translation>&amp;Taksitler</translation>
    </message>
    <message>
        <source>&amp;Checkout links</source>
        <translation>Ödeme &amp;bağlantıları</translation>
    </message>
    <message>
        <source>S&amp;ubscriptions</source>
        <translation>&amp;Abonelikler</translation>
    </message>
    <message>
        <source>&amp;Journal</source>
        <translation>İşlem &amp;günlüğü</translation>
    </message>
    <message>
        <source>TRAINING MODE — this terminal talks to the built-in sandbox gateway. No real money moves. Press F1 for the test cards.</source>
        <extracomment>An answer within this many seconds counts as &quot;answered recently&quot;.</extracomment>
        <translation>EĞİTİM MODU — bu terminal yerleşik deneme (sandbox) ödeme sistemiyle konuşur. Gerçek para hareket etmez. Test kartları için F1 tuşuna basın.</translation>
    </message>
    <message>
        <source>Training mode</source>
        <translation>Eğitim modu</translation>
    </message>
    <message>
        <source>Terminal functions</source>
        <translation>Terminal işlevleri</translation>
    </message>
    <message>
        <source>Gateway status</source>
        <translation>Ödeme sistemi durumu</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Dosya</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Ayarlar…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Çıkış</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Yardım</translation>
    </message>
    <message>
        <source>&amp;Test cards</source>
        <translation>&amp;Test kartları</translation>
    </message>
    <message>
        <source>&amp;About klogs-desk</source>
        <translation>klogs-desk &amp;hakkında</translation>
    </message>
    <message>
        <source>Environment: {name}</source>
        <translation>Ortam: {name}</translation>
    </message>
    <message>
        <source>Credentials not available</source>
        <translation>Kimlik bilgileri kullanılamıyor</translation>
    </message>
    <message>
        <source>Gateway: no answer</source>
        <translation>Ödeme sistemi: yanıt yok</translation>
    </message>
    <message>
        <source>Gateway: answered {ago}</source>
        <translation>Ödeme sistemi: {ago} yanıt verdi</translation>
    </message>
    <message>
        <source>Gateway: last answer {ago}</source>
        <translation>Ödeme sistemi: son yanıt {ago}</translation>
    </message>
    <message>
        <source>Gateway: not contacted yet</source>
        <translation>Ödeme sistemi: henüz bağlanılmadı</translation>
    </message>
    <message>
        <source>Requests in progress</source>
        <translation>Süren istekler</translation>
    </message>
    <message>
        <source>A request to the gateway is still in progress. If you quit now its outcome will be recorded as unknown and must be checked later.

Quit anyway?</source>
        <translation>Ödeme sistemine gönderilen bir istek hâlâ sürüyor. Şimdi çıkarsanız sonucu bilinmiyor olarak kaydedilir ve daha sonra kontrol edilmesi gerekir.

Yine de çıkılsın mı?</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>az önce</translation>
    </message>
    <message>
        <source>{seconds} s ago</source>
        <translation>{seconds} sn önce</translation>
    </message>
    <message>
        <source>{minutes} min ago</source>
        <translation>{minutes} dk önce</translation>
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
        <source>Charged with interest</source>
        <translation>Faiziyle çekilen</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Kart</translation>
    </message>
    <message>
        <source>Installments</source>
        <translation>Taksitler</translation>
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
<context>
    <name>SettingsDialog</name>
    <message>
        <source>System language</source>
        <extracomment>Each language is named in itself, so a cashier who cannot read the current one still finds theirs.</extracomment>
        <translation>Sistem dili</translation>
    </message>
    <message>
        <source>Sandbox (training)</source>
        <extracomment>The environments as Settings shows them (translated when shown).</extracomment>
        <translation>Sandbox (eğitim)</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Canlı</translation>
    </message>
    <message>
        <source>This computer has no password store (keyring), so the API credentials cannot be saved securely. Credentials can be kept for this session only: you will need to enter them again the next time the terminal starts.</source>
        <extracomment>:data:`CredentialStoreUnavailable.MESSAGE` word for word, so lupdate offers it for translation.</extracomment>
        <translation>Bu bilgisayarda parola deposu (keyring) yok, bu yüzden API kimlik bilgileri güvenle kaydedilemez. Kimlik bilgileri yalnızca bu oturum için tutulabilir: terminal bir sonraki açılışında bunları yeniden girmeniz gerekir.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ayarlar</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Ortam</translation>
    </message>
    <message>
        <source>Payment API URL</source>
        <translation>Ödeme API adresi</translation>
    </message>
    <message>
        <source>Subscriptions API URL</source>
        <translation>Abonelik API adresi</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API anahtarı</translation>
    </message>
    <message>
        <source>API secret</source>
        <translation>API gizli anahtarı</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer belirteci</translation>
    </message>
    <message>
        <source>Keep credentials for this session only</source>
        <translation>Kimlik bilgilerini yalnızca bu oturum için tut</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Bağlantıyı sına</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Bağlantı sınama sonucu</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Ödeme sistemi</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Ortam:</translation>
    </message>
    <message>
        <source>&amp;Payment API URL:</source>
        <translation>Ö&amp;deme API adresi:</translation>
    </message>
    <message>
        <source>&amp;Subscriptions API URL:</source>
        <translation>A&amp;bonelik API adresi:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API &amp;anahtarı:</translation>
    </message>
    <message>
        <source>API s&amp;ecret:</source>
        <translation>API &amp;gizli anahtarı:</translation>
    </message>
    <message>
        <source>&amp;Bearer token:</source>
        <translation>&amp;Bearer belirteci:</translation>
    </message>
    <message>
        <source>Merchant line on receipts</source>
        <translation>Fişteki işyeri satırı</translation>
    </message>
    <message>
        <source>Clear card fields after</source>
        <translation>Kart alanlarını temizleme süresi</translation>
    </message>
    <message>
        <source> s</source>
        <translation> sn</translation>
    </message>
    <message>
        <source>Lock after</source>
        <translation>Kilitleme süresi</translation>
    </message>
    <message>
        <source> min</source>
        <translation> dk</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Dil</translation>
    </message>
    <message>
        <source>A new language is used from the next start of the terminal.</source>
        <translation>Yeni dil, terminalin bir sonraki açılışından itibaren kullanılır.</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>&amp;Merchant line on receipts:</source>
        <translation>Fişteki &amp;işyeri satırı:</translation>
    </message>
    <message>
        <source>Clear card fields after &amp;idle:</source>
        <translation>Boşta kalınca kart alanlarını &amp;temizle:</translation>
    </message>
    <message>
        <source>&amp;Lock the terminal after idle:</source>
        <translation>Boşta kalınca terminali &amp;kilitle:</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>D&amp;il:</translation>
    </message>
    <message>
        <source>Voids and refunds need the manager PIN</source>
        <translation>İptal ve iadeler yönetici PIN’i gerektirir</translation>
    </message>
    <message>
        <source>New manager PIN</source>
        <translation>Yeni yönetici PIN’i</translation>
    </message>
    <message>
        <source>New manager PIN again</source>
        <translation>Yeni yönetici PIN’i (tekrar)</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>Yönetici PIN’i</translation>
    </message>
    <message>
        <source>New &amp;PIN (4-8 digits):</source>
        <translation>Yeni &amp;PIN (4-8 hane):</translation>
    </message>
    <message>
        <source>New PIN &amp;again:</source>
        <translation>Yeni PIN (&amp;tekrar):</translation>
    </message>
    <message>
        <source>A manager PIN is set. Leave the fields blank to keep it.</source>
        <translation>Bir yönetici PIN’i tanımlı. Korumak için alanları boş bırakın.</translation>
    </message>
    <message>
        <source>No manager PIN is set.</source>
        <translation>Yönetici PIN’i tanımlı değil.</translation>
    </message>
    <message>
        <source>default: {url}</source>
        <translation>varsayılan: {url}</translation>
    </message>
    <message>
        <source>the built-in sandbox</source>
        <translation>yerleşik sandbox</translation>
    </message>
    <message>
        <source>blank: {value}</source>
        <translation>boş: {value}</translation>
    </message>
    <message>
        <source>“{url}” is not a web address. Use the form https://host/ or leave it blank for the default.</source>
        <translation>“{url}” bir web adresi değil. https://sunucu/ biçimini kullanın ya da varsayılan için boş bırakın.</translation>
    </message>
    <message>
        <source>Production must use https:// (card data is never sent in clear text).</source>
        <translation>Canlı ortam https:// kullanmalıdır (kart verisi asla açık metin olarak gönderilmez).</translation>
    </message>
    <message>
        <source>The manager PIN must be 4 to 8 digits.</source>
        <translation>Yönetici PIN’i 4 ile 8 hane arasında olmalı.</translation>
    </message>
    <message>
        <source>The two PINs are different. Type the same PIN twice.</source>
        <translation>İki PIN farklı. Aynı PIN’i iki kez yazın.</translation>
    </message>
    <message>
        <source>Set a manager PIN before requiring it for voids and refunds.</source>
        <translation>İptal ve iadelerde istemeden önce bir yönetici PIN’i belirleyin.</translation>
    </message>
    <message>
        <source>Switch to production?</source>
        <translation>Canlı ortama geçilsin mi?</translation>
    </message>
    <message>
        <source>In PRODUCTION every approved payment charges a real card.

Switch this terminal to production?</source>
        <translation>CANLI ortamda onaylanan her ödeme gerçek bir karttan çekilir.

Bu terminal canlı ortama geçirilsin mi?</translation>
    </message>
    <message>
        <source>No password store</source>
        <translation>Parola deposu yok</translation>
    </message>
    <message>
        <source>Tick “Keep credentials for this session only” and save again, or install a password store (keyring).</source>
        <translation>“Kimlik bilgilerini yalnızca bu oturum için tut” seçeneğini işaretleyip yeniden kaydedin ya da bir parola deposu (keyring) kurun.</translation>
    </message>
    <message>
        <source>The sandbox has no address: enter its URL.</source>
        <translation>Sandbox’ın adresi yok: adresini girin.</translation>
    </message>
    <message>
        <source>Checking both APIs…</source>
        <translation>İki API de kontrol ediliyor…</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>SANDBOX</source>
        <extracomment>English; shown through ``QCoreApplication.translate(&quot;Theme&quot;, text)`` (likewise ``description``). Longer explanation, for the label&apos;s tooltip and accessible description.</extracomment>
        <translation>SANDBOX (EĞİTİM)</translation>
    </message>
    <message>
        <source>Training mode: the built-in sandbox gateway. No real money moves.</source>
        <translation>Eğitim modu: yerleşik sandbox ödeme sistemi. Gerçek para hareket etmez.</translation>
    </message>
    <message>
        <source>TEST</source>
        <translation>TEST</translation>
    </message>
    <message>
        <source>Klogs test gateway: test cards only, no real money moves.</source>
        <translation>Klogs test ödeme sistemi: yalnızca test kartları, gerçek para hareket etmez.</translation>
    </message>
    <message>
        <source>PRODUCTION — real cards are charged</source>
        <translation>CANLI — gerçek kartlardan çekim yapılır</translation>
    </message>
    <message>
        <source>Live gateway: every approved payment charges a real card.</source>
        <translation>Canlı ödeme sistemi: onaylanan her ödeme gerçek bir karttan çekilir.</translation>
    </message>
</context>
</TS>
