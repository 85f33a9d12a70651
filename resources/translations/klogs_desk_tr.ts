<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr" sourcelanguage="en_US">
<context>
    <name></name>
    <message>
        <source>Status</source>
        <translation>Durum</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tür</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Tutar</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Bakiye</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Oluşturuldu</translation>
    </message>
    <message>
        <source>Installments</source>
        <translation>Taksitler</translation>
    </message>
    <message>
        <source>Transaction ID</source>
        <translation>İşlem numarası</translation>
    </message>
    <message>
        <source>In this terminal&apos;s journal</source>
        <translation>Bu terminalin işlem günlüğünde</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tür</translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation>Sipariş no</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Durum</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Kart</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operatör</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Onaylayan</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Sonuç</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Not</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Netleştirme</translation>
    </message>
    <message>
        <source>Resolved at</source>
        <translation>Çözüldüğü zaman</translation>
    </message>
    <message>
        <source>, approved by {who}</source>
        <translation>, onaylayan: {who}</translation>
    </message>
    <message>
        <source>, by {operator}</source>
        <translation>, yapan: {operator}</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About klogs-desk</source>
        <translation>klogs-desk hakkında</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>Sürüm {version}</translation>
    </message>
    <message>
        <source>Desktop merchant terminal for the Klogs payment gateway: sales, pre-authorizations, installments, checkout links, subscriptions, voids and refunds.</source>
        <translation>Klogs ödeme geçidi için masaüstü üye işyeri terminali: satışlar, ön provizyonlar, taksitler, ödeme bağlantıları, abonelikler, iptaller ve iadeler.</translation>
    </message>
    <message>
        <source>Includes a sandbox gateway for training: no real money moves there.</source>
        <translation>Eğitim için sanal bir ödeme geçidi içerir: orada gerçek para hareket etmez.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Audit trail not written</source>
        <extracomment>The process exit code when production was asked for and not confirmed (nothing was changed). Qt platforms that show nothing to anyone: a question there has no one to answer it.</extracomment>
        <translation>Denetim kaydı yazılamadı</translation>
    </message>
    <message>
        <source>The last action was done but could not be written to the audit trail ({reason}). Tell the manager.</source>
        <translation>Son işlem yapıldı ama denetim kaydına yazılamadı ({reason}). Yöneticiye haber verin.</translation>
    </message>
    <message>
        <source>Payments to check</source>
        <translation>Kontrol edilecek ödemeler</translation>
    </message>
    <message>
        <source>Payments in progress when the terminal last stopped: {count}. Their outcome is unknown: open the Journal tab and check them before charging those customers again.</source>
        <translation>Terminal son kapandığında süren ödemeler: {count}. Sonuçları bilinmiyor: bu müşterilerden yeniden tahsilat yapmadan önce İşlem günlüğü sekmesini açıp kontrol edin.</translation>
    </message>
    <message>
        <source>Credentials not available</source>
        <translation>Kimlik bilgileri kullanılamıyor</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Terminal started</source>
        <extracomment>The actions this terminal records, as a manager reads them (others are shown by their code).</extracomment>
        <translation>Terminal başlatıldı</translation>
    </message>
    <message>
        <source>Terminal stopped</source>
        <translation>Terminal durduruldu</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>Ayar değiştirildi</translation>
    </message>
    <message>
        <source>Environment switched</source>
        <translation>Ortam değiştirildi</translation>
    </message>
    <message>
        <source>Settings opened</source>
        <translation>Ayarlar açıldı</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Oturum açıldı</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Oturum kapatıldı</translation>
    </message>
    <message>
        <source>Wrong PIN at sign-in</source>
        <translation>Oturum açarken yanlış PIN</translation>
    </message>
    <message>
        <source>Locked out after wrong PINs</source>
        <translation>Yanlış PIN&apos;ler nedeniyle kilitlendi</translation>
    </message>
    <message>
        <source>Operator unlocked</source>
        <translation>Operatörün kilidi açıldı</translation>
    </message>
    <message>
        <source>Locked after idle time</source>
        <translation>Boşta kaldığı için kilitlendi</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>Kilit açıldı</translation>
    </message>
    <message>
        <source>Manager approval</source>
        <translation>Yönetici onayı</translation>
    </message>
    <message>
        <source>Refused: not this operator&apos;s to do</source>
        <translation>Reddedildi: bu operatörün yetkisi yok</translation>
    </message>
    <message>
        <source>Operator added</source>
        <translation>Operatör eklendi</translation>
    </message>
    <message>
        <source>Operator disabled</source>
        <translation>Operatör devre dışı bırakıldı</translation>
    </message>
    <message>
        <source>Operator&apos;s role changed</source>
        <translation>Operatörün rolü değiştirildi</translation>
    </message>
    <message>
        <source>Operator&apos;s PIN reset</source>
        <translation>Operatörün PIN&apos;i sıfırlandı</translation>
    </message>
    <message>
        <source>Operator changed their PIN</source>
        <translation>Operatör PIN&apos;ini değiştirdi</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>İptal</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>İade</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Tahsilat</translation>
    </message>
    <message>
        <source>Journal exported (CSV)</source>
        <translation>İşlem günlüğü dışa aktarıldı (CSV)</translation>
    </message>
    <message>
        <source>Audit trail exported (CSV)</source>
        <translation>Denetim kaydı dışa aktarıldı (CSV)</translation>
    </message>
    <message>
        <source>Receipt printed</source>
        <translation>Fiş yazdırıldı</translation>
    </message>
    <message>
        <source>Receipt saved as PDF</source>
        <translation>Fiş PDF olarak kaydedildi</translation>
    </message>
    <message>
        <source>Shift closed</source>
        <translation>Vardiya kapatıldı</translation>
    </message>
    <message>
        <source>Day closed</source>
        <translation>Gün kapatıldı</translation>
    </message>
    <message>
        <source>Closed report reopened</source>
        <translation>Kapatılmış rapor yeniden açıldı</translation>
    </message>
    <message>
        <source>Card saved by its owner (gateway webhook)</source>
        <translation>Kart sahibi tarafından kaydedildi (ödeme geçidi webhook&apos;u)</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zaman</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>İşlem</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operatör</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Onaylayan</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Ayrıntılar</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Eğitim</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>değiştirildi</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>evet</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Denetim kaydı</translation>
    </message>
    <message>
        <source>Audit trail verification</source>
        <translation>Denetim kaydı doğrulaması</translation>
    </message>
    <message>
        <source>Search actions, names and details</source>
        <translation>İşlem, ad ve ayrıntılarda ara</translation>
    </message>
    <message>
        <source>Search the audit trail</source>
        <translation>Denetim kaydında ara</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV olarak dışa aktar…</translation>
    </message>
    <message>
        <source>Export the records shown as CSV</source>
        <translation>Gösterilen kayıtları CSV olarak dışa aktar</translation>
    </message>
    <message>
        <source>Audit records</source>
        <translation>Denetim kayıtları</translation>
    </message>
    <message>
        <source>Chain intact: {count} records, none altered, deleted or reordered.</source>
        <translation>Zincir sağlam: {count} kayıt; hiçbiri değiştirilmemiş, silinmemiş ya da yeri değiştirilmemiş.</translation>
    </message>
    <message>
        <source>Broken at record {number}: the audit trail was altered there. Records from that one on cannot be trusted.</source>
        <translation>Zincir {number} numaralı kayıtta kırık: denetim kaydı orada değiştirilmiş. O kayıttan sonrakilere güvenilemez.</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}.</source>
        <translation>{path} yazılamadı: {reason}.</translation>
    </message>
    <message>
        <source>Exported {count} records to {path}</source>
        <translation>{count} kayıt {path} dosyasına aktarıldı</translation>
    </message>
    <message>
        <source>Export audit trail</source>
        <translation>Denetim kaydını dışa aktar</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV dosyaları (*.csv)</translation>
    </message>
</context>
<context>
    <name>CardForm</name>
    <message>
        <source>New</source>
        <extracomment>What an input takes from the cashier, all refused while the form is locked (:meth:`CardForm.lock_input`); Enter and Esc are still routed (the owner ignores them while a payment is in flight). Enter was pressed in one of the inputs. Esc was pressed in one of the inputs. The amount or currency changed: (amount or None when it does not parse, currency). The card fields were wiped because nobody typed for ``idle_seconds``. The inputs refuse the cashier&apos;s input (see :meth:`lock_input`).</extracomment>
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
        <extracomment>Something was typed since the form was last made fresh (see :meth:`mark_fresh`).</extracomment>
        <translation>{count} hane</translation>
    </message>
</context>
<context>
    <name>ChangePinDialog</name>
    <message>
        <source>Change my PIN</source>
        <translation>PIN&apos;imi değiştir</translation>
    </message>
    <message>
        <source>Current PIN</source>
        <translation>Mevcut PIN</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Yeni PIN</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>Yeni PIN tekrar</translation>
    </message>
    <message>
        <source>PIN problem</source>
        <translation>PIN sorunu</translation>
    </message>
    <message>
        <source>&amp;Current PIN:</source>
        <translation>&amp;Mevcut PIN:</translation>
    </message>
    <message>
        <source>&amp;New PIN:</source>
        <translation>&amp;Yeni PIN:</translation>
    </message>
    <message>
        <source>New PIN &amp;again:</source>
        <translation>Yeni PIN (&amp;tekrar):</translation>
    </message>
    <message>
        <source>The two new PINs are different. Type the same PIN twice.</source>
        <translation>İki yeni PIN farklı. Aynı PIN&apos;i iki kez yazın.</translation>
    </message>
</context>
<context>
    <name>CheckoutTab</name>
    <message>
        <source>Order ID</source>
        <translation>Sipariş no</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Tutar</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Durum</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Oluşturuldu</translation>
    </message>
    <message>
        <source>The link is being created…</source>
        <extracomment>Gateway field names (camelCase) -&gt; the key of the field that shows their errors.</extracomment>
        <translation>Bağlantı oluşturuluyor…</translation>
    </message>
    <message>
        <source>Waiting for the customer to pay. This updates by itself; Refresh checks now.</source>
        <translation>Müşterinin ödemesi bekleniyor. Bu kendiliğinden güncellenir; Yenile hemen kontrol eder.</translation>
    </message>
    <message>
        <source>Paid: the payment is below and in the Journal.</source>
        <translation>Ödendi: ödeme aşağıda ve işlem günlüğünde.</translation>
    </message>
    <message>
        <source>The customer&apos;s card was declined: this link is used up.</source>
        <translation>Müşterinin kartı reddedildi: bu bağlantı kullanıldı.</translation>
    </message>
    <message>
        <source>The answer to the create request was lost. Type the same order ID and amount and press Create link again: the gateway answers with the same link if it made one.</source>
        <translation>Oluşturma isteğinin yanıtı kayboldu. Aynı sipariş numarasını ve tutarı yazıp yeniden Bağlantı oluştur&apos;a basın: ödeme geçidi bağlantıyı oluşturduysa aynı bağlantıyla yanıt verir.</translation>
    </message>
    <message>
        <source>The gateway did not create this link. Nothing can be paid with it.</source>
        <translation>Ödeme geçidi bu bağlantıyı oluşturmadı. Bununla ödeme yapılamaz.</translation>
    </message>
    <message>
        <source>This link was cancelled.</source>
        <translation>Bu bağlantı iptal edildi.</translation>
    </message>
    <message>
        <source>Checkout links</source>
        <extracomment>A create ended with a link (new or existing): the CheckoutLink. A create ended without a link, or was refused: the CreateResult. A followed link reached a final status (PAID / FAILED): the CheckoutLink. One round of asking the gateway about a link ended: the RefreshResult.</extracomment>
        <translation>Ödeme bağlantıları</translation>
    </message>
    <message>
        <source>New</source>
        <extracomment>Entry id -&gt; the task following that link (kept so it can be cancelled and is not collected).</extracomment>
        <translation>Yeni</translation>
    </message>
    <message>
        <source>A fresh order ID</source>
        <translation>Yeni bir sipariş numarası</translation>
    </message>
    <message>
        <source>What the customer pays for (shown on the page)</source>
        <translation>Müşterinin ne için ödediği (sayfada gösterilir)</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>İsteğe bağlı</translation>
    </message>
    <message>
        <source>Single payment only</source>
        <translation>Yalnızca tek çekim</translation>
    </message>
    <message>
        <source> installments at most</source>
        <translation> taksite kadar</translation>
    </message>
    <message>
        <source>The customer pays the installment interest</source>
        <translation>Taksit faizini müşteri öder</translation>
    </message>
    <message>
        <source>Optional: https://your-shop/paid (told when paid)</source>
        <translation>İsteğe bağlı: https://magazaniz/odendi (ödenince bildirilir)</translation>
    </message>
    <message>
        <source>Create link</source>
        <translation>Bağlantı oluştur</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Hata</translation>
    </message>
    <message>
        <source>New order ID</source>
        <translation>Yeni sipariş numarası</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Para birimi</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Açıklama</translation>
    </message>
    <message>
        <source>Customer ID</source>
        <translation>Müşteri no</translation>
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
        <source>Callback URL</source>
        <translation>Geri çağırma adresi</translation>
    </message>
    <message>
        <source>Create payment link</source>
        <translation>Ödeme bağlantısı oluştur</translation>
    </message>
    <message>
        <source>Checkout message</source>
        <translation>Ödeme bağlantısı mesajı</translation>
    </message>
    <message>
        <source>Installments</source>
        <translation>Taksitler</translation>
    </message>
    <message>
        <source>New payment link</source>
        <translation>Yeni ödeme bağlantısı</translation>
    </message>
    <message>
        <source>No link selected</source>
        <translation>Seçili bağlantı yok</translation>
    </message>
    <message>
        <source>Payment link address</source>
        <translation>Ödeme bağlantısının adresi</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Bağlantıyı kopyala</translation>
    </message>
    <message>
        <source>Copy the link</source>
        <translation>Bağlantıyı kopyala</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Tarayıcıda aç</translation>
    </message>
    <message>
        <source>Open the link in the browser</source>
        <translation>Bağlantıyı tarayıcıda aç</translation>
    </message>
    <message>
        <source>Selected link</source>
        <translation>Seçili bağlantı</translation>
    </message>
    <message>
        <source>Link status</source>
        <translation>Bağlantı durumu</translation>
    </message>
    <message>
        <source>Training: this link works on this computer only.</source>
        <translation>Eğitim: bu bağlantı yalnızca bu bilgisayarda çalışır.</translation>
    </message>
    <message>
        <source>Where the link works</source>
        <translation>Bağlantının çalıştığı yer</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Bağlantı</translation>
    </message>
    <message>
        <source>Payment links</source>
        <translation>Ödeme bağlantıları</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Yenile</translation>
    </message>
    <message>
        <source>Check the open links now</source>
        <translation>Açık bağlantıları şimdi kontrol et</translation>
    </message>
    <message>
        <source>Ask the gateway now about every link awaiting payment</source>
        <translation>Ödeme bekleyen her bağlantıyı ödeme geçidine şimdi sor</translation>
    </message>
    <message>
        <source>Links of this terminal, newest first. Open links update by themselves.</source>
        <translation>Bu terminalin bağlantıları, en yenisi üstte. Açık bağlantılar kendiliğinden güncellenir.</translation>
    </message>
    <message>
        <source>Creating the link…</source>
        <translation>Bağlantı oluşturuluyor…</translation>
    </message>
    <message>
        <source>The link was not created</source>
        <translation>Bağlantı oluşturulmadı</translation>
    </message>
    <message>
        <source>Enter a full address starting with https:// or leave it empty.</source>
        <translation>https:// ile başlayan tam bir adres girin ya da boş bırakın.</translation>
    </message>
    <message>
        <source>Correct the marked fields. Nothing was sent.</source>
        <translation>İşaretli alanları düzeltin. Hiçbir şey gönderilmedi.</translation>
    </message>
    <message>
        <source>Link copied.</source>
        <translation>Bağlantı kopyalandı.</translation>
    </message>
    <message>
        <source>No browser could be opened. Copy the link instead.</source>
        <translation>Tarayıcı açılamadı. Bunun yerine bağlantıyı kopyalayın.</translation>
    </message>
    <message>
        <source>The QR code of the link appears here</source>
        <translation>Bağlantının QR kodu burada görünür</translation>
    </message>
    <message>
        <source>No code: this link is {status}.</source>
        <translation>Kod yok: bu bağlantının durumu {status}.</translation>
    </message>
    <message>
        <source>Create a link, or select one in the list below.</source>
        <translation>Bir bağlantı oluşturun ya da aşağıdaki listeden birini seçin.</translation>
    </message>
    <message>
        <source>The link&apos;s status could not be checked</source>
        <translation>Bağlantının durumu kontrol edilemedi</translation>
    </message>
    <message>
        <source>The links could not be checked</source>
        <translation>Bağlantılar kontrol edilemedi</translation>
    </message>
    <message>
        <source>e.g. {example}</source>
        <translation>ör. {example}</translation>
    </message>
</context>
<context>
    <name>ClearText</name>
    <message>
        <source>Insecure gateway address</source>
        <translation>Güvensiz ödeme geçidi adresi</translation>
    </message>
    <message>
        <source>The gateway address {url} uses plain http:// to another computer, which would send card data and API secrets in clear text. Nothing was sent. Use an https:// address in File ▸ Settings (plain http:// is allowed only to this computer).</source>
        <translation>{url} ödeme geçidi adresi başka bir bilgisayara düz http:// kullanıyor; bu, kart verilerini ve API sırlarını şifresiz gönderirdi. Hiçbir şey gönderilmedi. Dosya ▸ Ayarlar&apos;da https:// ile başlayan bir adres kullanın (düz http:// yalnızca bu bilgisayara izinlidir).</translation>
    </message>
</context>
<context>
    <name>ClosedReportsDialog</name>
    <message>
        <source>Closed reports</source>
        <translation>Kapatılmış raporlar</translation>
    </message>
    <message>
        <source>Closed shifts and days</source>
        <translation>Kapatılmış vardiyalar ve günler</translation>
    </message>
    <message>
        <source>Shift ({operator})</source>
        <translation>Vardiya ({operator})</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Gün</translation>
    </message>
    <message>
        <source>{what}: closed {when} (no. {number})</source>
        <translation>{what}: {when} tarihinde kapatıldı (no. {number})</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Aç</translation>
    </message>
    <message>
        <source>Open the selected report</source>
        <translation>Seçili raporu aç</translation>
    </message>
    <message>
        <source>Nothing has been closed yet in this environment.</source>
        <translation>Bu ortamda henüz kapatılmış bir şey yok.</translation>
    </message>
</context>
<context>
    <name>CreateSubscriptionDialog</name>
    <message>
        <source>New subscription</source>
        <translation>Yeni abonelik</translation>
    </message>
    <message>
        <source>Create subscription</source>
        <translation>Aboneliği oluştur</translation>
    </message>
    <message>
        <source>Subscription ID:</source>
        <translation>Abonelik numarası:</translation>
    </message>
    <message>
        <source>your reference, e.g. SUB-2026-001</source>
        <translation>kendi referansınız, ör. SUB-2026-001</translation>
    </message>
    <message>
        <source>First payment (local):</source>
        <translation>İlk ödeme (yerel saat):</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>Bitiş</translation>
    </message>
    <message>
        <source>The subscription ends</source>
        <translation>Abonelik bir tarihte biter</translation>
    </message>
    <message>
        <source>Last payment (local time)</source>
        <translation>Son ödeme (yerel saat)</translation>
    </message>
    <message>
        <source>Last payment (local):</source>
        <translation>Son ödeme (yerel saat):</translation>
    </message>
    <message>
        <source>Explanation:</source>
        <translation>Açıklama:</translation>
    </message>
    <message>
        <source>optional, e.g. Premium plan - monthly</source>
        <translation>isteğe bağlı, ör. Premium paket - aylık</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>Kanal:</translation>
    </message>
    <message>
        <source>optional, e.g. mobile</source>
        <translation>isteğe bağlı, ör. mobil</translation>
    </message>
    <message>
        <source>Payment system ID:</source>
        <translation>Ödeme sistemi numarası:</translation>
    </message>
    <message>
        <source>optional UUID</source>
        <translation>isteğe bağlı UUID</translation>
    </message>
    <message>
        <source>Next payment dates</source>
        <translation>Sonraki ödeme tarihleri</translation>
    </message>
    <message>
        <source>No schedule yet: {reason}.</source>
        <translation>Henüz ödeme planı yok: {reason}.</translation>
    </message>
    <message>
        <source>No payment falls between the first and last payment time.</source>
        <translation>İlk ve son ödeme zamanı arasında hiçbir ödeme yok.</translation>
    </message>
    <message>
        <source>Next {count} payments (local time):</source>
        <translation>Sonraki {count} ödeme (yerel saat):</translation>
    </message>
    <message>
        <source>All {count} payments (local time):</source>
        <translation>Tüm {count} ödeme (yerel saat):</translation>
    </message>
</context>
<context>
    <name>DemoDataLoader</name>
    <message>
        <source>Load &amp;demo data…</source>
        <extracomment>The demo day was made; carries the DemoSummary. Steps done so far (of :data:`~klogs_desk.services.demo_data.STEPS`), as the progress dialog shows them.</extracomment>
        <translation>&amp;Demo verilerini yükle…</translation>
    </message>
    <message>
        <source>Fills the training sandbox with a day of sales, voids, pre-authorizations, checkout links and subscriptions.</source>
        <translation>Eğitim sandbox&apos;ını bir günlük satış, iptal, ön provizyon, ödeme bağlantısı ve abonelikle doldurur.</translation>
    </message>
    <message>
        <source>Loading demo data…</source>
        <translation>Demo verileri yükleniyor…</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Demo verileri</translation>
    </message>
    <message>
        <source>Loading demo data</source>
        <translation>Demo verileri yükleniyor</translation>
    </message>
    <message>
        <source>Demo data could not be loaded</source>
        <translation>Demo verileri yüklenemedi</translation>
    </message>
    <message>
        <source>Demo data loaded: {sales} sales, {links} checkout links, {subscriptions} subscriptions.</source>
        <translation>Demo verileri yüklendi: {sales} satış, {links} ödeme bağlantısı, {subscriptions} abonelik.</translation>
    </message>
</context>
<context>
    <name>EditSubscriptionDialog</name>
    <message>
        <source>Save changes</source>
        <translation>Değişiklikleri kaydet</translation>
    </message>
    <message>
        <source>Edit subscription {name}</source>
        <translation>{name} aboneliğini düzenle</translation>
    </message>
    <message>
        <source>Edit subscription by ID</source>
        <translation>Aboneliği numarasıyla düzenle</translation>
    </message>
    <message>
        <source>Subscription ID:</source>
        <translation>Abonelik numarası:</translation>
    </message>
    <message>
        <source>the subscription&apos;s reference</source>
        <translation>aboneliğin referansı</translation>
    </message>
    <message>
        <source>leave empty to keep</source>
        <translation>değiştirmemek için boş bırakın</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>Tutar:</translation>
    </message>
    <message>
        <source>(unchanged)</source>
        <translation>(değişmedi)</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>Para birimi:</translation>
    </message>
    <message>
        <source>Set to</source>
        <translation>Yeni değer</translation>
    </message>
    <message>
        <source>Change the last payment</source>
        <translation>Son ödemeyi değiştir</translation>
    </message>
    <message>
        <source>New last payment (local time)</source>
        <translation>Yeni son ödeme (yerel saat)</translation>
    </message>
    <message>
        <source>Last payment (local):</source>
        <translation>Son ödeme (yerel saat):</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Durum:</translation>
    </message>
    <message>
        <source>Explanation:</source>
        <translation>Açıklama:</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>Kanal:</translation>
    </message>
    <message>
        <source>Payment system ID:</source>
        <translation>Ödeme sistemi numarası:</translation>
    </message>
    <message>
        <source>Payment system group ID:</source>
        <translation>Ödeme sistemi grup numarası:</translation>
    </message>
    <message>
        <source>Enter the subscription ID (its reference).</source>
        <translation>Abonelik numarasını (referansını) girin.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Hiçbir şey değiştirilmedi.</translation>
    </message>
    <message>
        <source>The gateway saved the changes.</source>
        <translation>Ödeme geçidi değişiklikleri kaydetti.</translation>
    </message>
</context>
<context>
    <name>ExpiryLineEdit</name>
    <message>
        <source>MM/YY</source>
        <extracomment>The card-clear setting&apos;s default (declared in :mod:`klogs_desk.config`), until the window applies the setting. Gateway field names (camelCase) -&gt; the form field that shows their errors.</extracomment>
        <translation>AA/YY</translation>
    </message>
</context>
<context>
    <name>GatewayWords</name>
    <message>
        <source>Successful</source>
        <extracomment>A payment&apos;s ``resultMessage`` (also a 3-D Secure enrollment&apos;s and a checkout&apos;s) -&gt; its words on screen.</extracomment>
        <translation>Başarılı</translation>
    </message>
    <message>
        <source>Do not honour</source>
        <translation>İşlem onaylanmadı</translation>
    </message>
    <message>
        <source>Insufficient funds</source>
        <translation>Yetersiz bakiye</translation>
    </message>
    <message>
        <source>3-D Secure authentication failed</source>
        <translation>3-D Secure doğrulaması başarısız</translation>
    </message>
    <message>
        <source>Waiting for the issuer</source>
        <translation>Kartı veren bankanın yanıtı bekleniyor</translation>
    </message>
    <message>
        <source>The customer has not paid yet</source>
        <translation>Müşteri henüz ödemedi</translation>
    </message>
    <message>
        <source>Success</source>
        <extracomment>A transaction&apos;s ``status`` and ``type`` (``GET /api/transactions``) -&gt; their words on screen.</extracomment>
        <translation>Başarılı</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Başarısız</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Beklemede</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Bilinmiyor</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Satış</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>İptal</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>İade</translation>
    </message>
    <message>
        <source>Pre-authorization</source>
        <translation>Ön provizyon</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Tahsilat</translation>
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
        <source>&lt;b&gt;3-D Secure sale of {amount} {plan}.&lt;/b&gt;</source>
        <translation>&lt;b&gt;{amount} tutarında 3-D Secure satış, {plan}.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The card holder pays {count} × {each} = {total}.</source>
        <translation>Kart sahibi {count} × {each} = {total} öder.</translation>
    </message>
    <message>
        <source>Base amount {amount} + interest {interest}.</source>
        <translation>Ana tutar {amount} + faiz {interest}.</translation>
    </message>
    <message>
        <source>Type the card again: card details are never carried over from the Installments tab.</source>
        <translation>Kartı yeniden girin: kart bilgileri Taksitler sekmesinden asla aktarılmaz.</translation>
    </message>
</context>
<context>
    <name>InstallmentSale</name>
    <message>
        <source>in a single payment</source>
        <extracomment>The quoted row&apos;s figures, when the Installments tab still holds them (shown, never sent).</extracomment>
        <translation>tek çekimle</translation>
    </message>
    <message>
        <source>in {count} installments (interest paid by customer)</source>
        <translation>{count} taksitle (faizi müşteri öder)</translation>
    </message>
    <message>
        <source>in {count} installments (interest paid by merchant)</source>
        <translation>{count} taksitle (faizi işyeri öder)</translation>
    </message>
    <message>
        <source>Installment plan note</source>
        <extracomment>The plan ticked ``threeDsSwitch`` itself: it is unticked again when the plan&apos;s order ends. The note outlives the payment that wrote it (a decline), then goes with the next one.</extracomment>
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
    <name>JournalModel</name>
    <message>
        <source>Sale</source>
        <translation>Satış</translation>
    </message>
    <message>
        <source>Sale (3-D Secure)</source>
        <translation>Satış (3-D Secure)</translation>
    </message>
    <message>
        <source>Pre-authorization</source>
        <translation>Ön provizyon</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Tahsilat</translation>
    </message>
    <message>
        <source>Payment link</source>
        <translation>Ödeme bağlantısı</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>İptal</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>İade</translation>
    </message>
    <message>
        <source>PENDING</source>
        <translation>BEKLİYOR</translation>
    </message>
    <message>
        <source>APPROVED</source>
        <translation>ONAYLANDI</translation>
    </message>
    <message>
        <source>DECLINED</source>
        <translation>REDDEDİLDİ</translation>
    </message>
    <message>
        <source>ERROR — NOT CHARGED</source>
        <translation>HATA — ÇEKİLMEDİ</translation>
    </message>
    <message>
        <source>OUTCOME UNKNOWN</source>
        <translation>SONUÇ BİLİNMİYOR</translation>
    </message>
    <message>
        <source>NEEDS 3-D SECURE</source>
        <translation>3-D SECURE GEREKİYOR</translation>
    </message>
    <message>
        <source>NOT CHARGED</source>
        <translation>ÇEKİM YAPILMADI</translation>
    </message>
    <message>
        <source>WAITING FOR CUSTOMER</source>
        <translation>MÜŞTERİ BEKLENİYOR</translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <translation>İPTAL EDİLDİ</translation>
    </message>
    <message>
        <source>REFUSED — NOTHING DONE</source>
        <translation>REDDEDİLDİ — İŞLEM YAPILMADI</translation>
    </message>
    <message>
        <source>VOIDED</source>
        <extracomment>Display keys of an approved payment that was voided or refunded afterwards (see the module docstring).</extracomment>
        <translation>İPTAL EDİLDİ</translation>
    </message>
    <message>
        <source>REFUNDED</source>
        <translation>İADE EDİLDİ</translation>
    </message>
    <message>
        <source>PARTLY REFUNDED</source>
        <translation>KISMEN İADE EDİLDİ</translation>
    </message>
    <message>
        <source>Approved, then voided: the card holder was not charged in the end.</source>
        <extracomment>Display key of a void, refund or capture the gateway refused (a journal ``error`` row): nothing was done, and it was never a charge attempt, so it does not read &quot;ERROR — NOT CHARGED&quot;. The journal row of an approved void or refund reads as what it did, not as a new approved charge.</extracomment>
        <translation>Onaylandı, sonra iptal edildi: sonuçta kart sahibinden çekim yapılmadı.</translation>
    </message>
    <message>
        <source>Approved, then refunded in full: nothing is left to refund.</source>
        <translation>Onaylandı, sonra tamamı iade edildi: iade edilecek tutar kalmadı.</translation>
    </message>
    <message>
        <source>Approved, then refunded in part: the Balance column shows what can still be refunded.</source>
        <translation>Onaylandı, sonra kısmen iade edildi: Bakiye sütunu daha ne kadar iade edilebileceğini gösterir.</translation>
    </message>
    <message>
        <source>{amount} returned to the card</source>
        <extracomment>Badge colours by state value (for :class:`klogs_desk.ui.badges.BadgeDelegate`). Green means money moved, red means it did not, amber means nobody knows yet and a person must look; grey: nothing happened.</extracomment>
        <translation>{amount} karta iade edildi</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zaman</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tür</translation>
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
        <source>Balance</source>
        <translation>Bakiye</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Durum</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Kart</translation>
    </message>
    <message>
        <source>Auth code</source>
        <translation>Onay kodu</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Sonuç</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Netleştirme</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operatör</translation>
    </message>
    <message>
        <source>The request was sent but no answer came back. The card may or may not have been charged: check it before charging again.</source>
        <extracomment>Role carrying the :class:`Entry` of a row (for actions and details). Rows read together when the view first shows one of them (one query for the rows, one for their children). About a screen and a half: a jump of the scroll bar shows rows of at most two pages, read on the UI thread (~50 us a row here), so a page of 100 cost up to 200 rows (~10 ms) for the ~20 rows on screen. Rows of pages already read that paints format in one event-loop turn; the others paint empty until the next turns format them (:meth:`JournalTableModel.painted_text`). Rows a paint left empty that one step of :meth:`JournalTableModel._read_deferred` formats (~0.1 ms a row). Money texts kept by the model (amounts that equal as Decimals format alike: quantized to the currency). Pages kept; the least recently shown is dropped beyond this (memory stays flat however far one scrolls). ``load(ids)``: the entries of ``ids`` (in that order) and their children (``Journal.entries`` and ``Journal.children_of``), read on the UI thread for one page: :data:`PAGE_SIZE` rows by primary key, ~2 ms. page number -&gt; its rows; the least recently shown first. (amount, currency) -&gt; its text in ``_locale``: a shop&apos;s prices repeat, and a Balance that is still the whole amount reads as the Amount column (formatting one is ~25 us, a third of a row&apos;s texts). Pages a paint wanted before they were read: page number -&gt; (first, last) row it painted empty. Read, then formatted a few rows per turn (:meth:`_read_deferred`), then repainted (:meth:`painted_text`). Rows read and formatted by the last step of :meth:`_read_deferred`, told to the view at the next. Rows of read pages formatted by paints since the timer last fired (:meth:`painted_text`). The rows the view shows now, (first, last) (:meth:`set_visible_rows`).</extracomment>
        <translation>İstek gönderildi ama yanıt gelmedi. Karttan çekim yapılmış da olabilir, yapılmamış da: yeniden çekmeden önce kontrol edin.</translation>
    </message>
    <message>
        <source>approved by {manager}</source>
        <translation>onaylayan: {manager}</translation>
    </message>
    <message>
        <source>{operator}, approved by {manager}</source>
        <translation>{operator}, onaylayan: {manager}</translation>
    </message>
</context>
<context>
    <name>JournalTab</name>
    <message>
        <source>All states</source>
        <extracomment>Most rows of the shop&apos;s journal (all tills) shown at once: they come over the network. How often the status line counts the rows an export has written. Rows measured to fit the columns (QHeaderView.setResizeContentsPrecision; 0 would be the visible rows only): a page, a screen and a half: the first page, read with the ids on the reader thread and formatted before the listing is shown, so fitting reads and formats nothing on the UI thread (_fit_columns). Rows of a listing&apos;s first page formatted per event-loop turn before the listing is shown (~0.2 ms a row). The columns whose texts a listing&apos;s first rows lay out before their paint (not the state badges, nor the columns that elide: their paint lays out the shortened text). Attributes of the parts of the tab built in a turn after the constructor&apos;s (JournalTab._unbuilt). Pixels a fitted column gets beyond its widest text and the delegate&apos;s margins (the grid line, air). (label, states) of the state filter; ``None`` means every state.</extracomment>
        <translation>Tüm durumlar</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Onaylandı</translation>
    </message>
    <message>
        <source>Declined or error</source>
        <translation>Reddedildi ya da hata</translation>
    </message>
    <message>
        <source>Needs checking (outcome unknown, pending)</source>
        <translation>Kontrol gerekiyor (sonuç bilinmiyor, bekliyor)</translation>
    </message>
    <message>
        <source>Not charged</source>
        <translation>Çekilmedi</translation>
    </message>
    <message>
        <source>Waiting for customer or 3-D Secure</source>
        <translation>Müşteri ya da 3-D Secure bekleniyor</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>İptal edildi</translation>
    </message>
    <message>
        <source>Not available yet: this action arrives in a later version of klogs-desk.</source>
        <extracomment>The Journal&apos;s columns by the name the settings file keeps them under (``journal/hidden_columns``). Always shown: what a row is and how it ended (the column chooser does not offer them). Characters of a name the Operator column is wide enough for. Characters a filter combo box keeps when the row is short of room (its list still shows each choice whole). The currency with the most minor digits: any amount in the journal can be typed in the amount filter.</extracomment>
        <translation>Henüz yok: bu işlem klogs-desk&apos;in sonraki bir sürümünde gelecek.</translation>
    </message>
    <message>
        <source>Order ID or card last 4</source>
        <extracomment>The selected row changed (``None`` when nothing is selected). A CSV was written: (path, number of rows). The rows of the current filters are on screen (after every :meth:`refresh`): how many. Internal: a reader-thread answer (generation, future) and a finished export (future), emitted on the worker thread and so queued to the UI thread. &quot;All tills&quot;: the manager asked to void / refund the selected payment (a :class:`ShopEntry`). Where the column choice is kept (the composition root&apos;s settings; a tab on its own: the settings file). The shop database (None: this till alone; the scope and till filters are not shown). The gateway&apos;s clock, for its daily settlement cut-off (void before it, refund after it). The terminal&apos;s receipt printer (the composition root&apos;s); a tab on its own uses the settings file. A listing read and being shown a few rows per turn (generation, listing, its first page). The export in progress. The seams&apos; handlers and tooltips by button (set_action_handler).</extracomment>
        <translation>Sipariş no ya da kartın son 4 hanesi</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Tutar</translation>
    </message>
    <message>
        <source>All operators</source>
        <translation>Tüm operatörler</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Başlangıç</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Yenile</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV olarak dışa aktar…</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>Dışa aktarmayı iptal et</translation>
    </message>
    <message>
        <source>Cancel the CSV export</source>
        <translation>CSV dışa aktarmayı iptal et</translation>
    </message>
    <message>
        <source>Search by order ID or card last four digits</source>
        <translation>Sipariş numarasına ya da kartın son dört hanesine göre ara</translation>
    </message>
    <message>
        <source>Filter by amount</source>
        <translation>Tutara göre süz</translation>
    </message>
    <message>
        <source>Filter by state</source>
        <translation>Duruma göre süz</translation>
    </message>
    <message>
        <source>Filter by operator</source>
        <translation>Operatöre göre filtrele</translation>
    </message>
    <message>
        <source>Filter by date</source>
        <translation>Tarihe göre süz</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Başlangıç tarihi</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Bitiş tarihi</translation>
    </message>
    <message>
        <source>Refresh journal</source>
        <translation>İşlem günlüğünü yenile</translation>
    </message>
    <message>
        <source>Export shown rows as CSV</source>
        <translation>Gösterilen satırları CSV olarak dışa aktar</translation>
    </message>
    <message>
        <source>This till</source>
        <translation>Bu kasa</translation>
    </message>
    <message>
        <source>All tills</source>
        <translation>Tüm kasalar</translation>
    </message>
    <message>
        <source>Show this till or all tills</source>
        <translation>Bu kasayı ya da tüm kasaları göster</translation>
    </message>
    <message>
        <source>Every till</source>
        <translation>Kasa: tümü</translation>
    </message>
    <message>
        <source>Filter by till</source>
        <translation>Kasaya göre süz</translation>
    </message>
    <message>
        <source>to</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Filter problem</source>
        <translation>Süzgeç sorunu</translation>
    </message>
    <message>
        <source>Journal status</source>
        <translation>İşlem günlüğü durumu</translation>
    </message>
    <message>
        <source>Journal entries</source>
        <translation>İşlem günlüğü kayıtları</translation>
    </message>
    <message>
        <source>1 transaction</source>
        <translation>1 işlem</translation>
    </message>
    <message>
        <source>{count} transactions</source>
        <translation>{count} işlem</translation>
    </message>
    <message>
        <source>Exporting… {done} of {total} transactions</source>
        <translation>Dışa aktarılıyor… {total} işlemden {done} tanesi</translation>
    </message>
    <message>
        <source>Exported 1 transaction to {path}</source>
        <translation>1 işlem {path} dosyasına aktarıldı</translation>
    </message>
    <message>
        <source>Exported {count} transactions to {path}</source>
        <translation>{count} işlem {path} dosyasına aktarıldı</translation>
    </message>
    <message>
        <source>Receipt…</source>
        <translation>Fiş…</translation>
    </message>
    <message>
        <source>Preview and print the receipt of the selected payment</source>
        <translation>Seçili ödemenin fişini önizle ve yazdır</translation>
    </message>
    <message>
        <source>Save receipt PDF</source>
        <translation>Fişi PDF olarak kaydet</translation>
    </message>
    <message>
        <source>Save the receipt of the selected payment as a PDF</source>
        <translation>Seçili ödemenin fişini PDF olarak kaydet</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Ayrıntılar…</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>İptal…</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>İade…</translation>
    </message>
    <message>
        <source>Receipt preview</source>
        <translation>Fiş önizlemesi</translation>
    </message>
    <message>
        <source>Payment details</source>
        <translation>Ödeme ayrıntıları</translation>
    </message>
    <message>
        <source>Void payment</source>
        <translation>Ödemeyi iptal et</translation>
    </message>
    <message>
        <source>Refund payment</source>
        <translation>Ödemeyi iade et</translation>
    </message>
    <message>
        <source>Journal entries of all tills</source>
        <translation>Tüm kasaların günlük kayıtları</translation>
    </message>
    <message>
        <source>Void the payment of another till</source>
        <translation>Başka bir kasanın ödemesini iptal et</translation>
    </message>
    <message>
        <source>Refund the payment of another till</source>
        <translation>Başka bir kasanın ödemesini iade et</translation>
    </message>
    <message>
        <source>Right-click to choose the columns shown</source>
        <translation>Gösterilen sütunları seçmek için sağ tıklayın</translation>
    </message>
    <message>
        <source>Reading the shop database…</source>
        <translation>Mağaza veritabanı okunuyor…</translation>
    </message>
    <message>
        <source>Only a manager may export the journal.</source>
        <translation>İşlem günlüğünü yalnızca bir yönetici dışa aktarabilir.</translation>
    </message>
    <message>
        <source>Export cancelled: no file was written.</source>
        <translation>Dışa aktarma iptal edildi: dosya yazılmadı.</translation>
    </message>
    <message>
        <source>Amount filter not applied: {reason}</source>
        <translation>Tutar süzgeci uygulanmadı: {reason}</translation>
    </message>
    <message>
        <source>Settled at the daily cut-off (00:00 UTC): refund it instead.</source>
        <translation>Günlük kesimde (00:00 UTC) mutabakata girdi: bunun yerine iade edin.</translation>
    </message>
    <message>
        <source>This row cannot be voided.</source>
        <translation>Bu satır iptal edilemez.</translation>
    </message>
    <message>
        <source>Not settled until the daily cut-off (00:00 UTC): void it instead.</source>
        <translation>Günlük kesime (00:00 UTC) kadar mutabakata girmez: bunun yerine iptal edin.</translation>
    </message>
    <message>
        <source>Nothing of this row can be refunded.</source>
        <translation>Bu satırdan iade edilebilecek bir şey yok.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Sign in</source>
        <extracomment>Input that counts as the cashier being there. Why the screen is shown.</extracomment>
        <translation>Oturum aç</translation>
    </message>
    <message>
        <source>Operator name</source>
        <translation>Operatör adı</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Adınız</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>Oturum açma sorunu</translation>
    </message>
    <message>
        <source>Continue in training mode</source>
        <translation>Eğitim modunda devam et</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Ad</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>&amp;PIN</translation>
    </message>
    <message>
        <source>Terminal locked</source>
        <translation>Terminal kilitli</translation>
    </message>
    <message>
        <source>The terminal was idle and is locked. Sign in with your name and PIN to continue.</source>
        <translation>Terminal boşta kaldığı için kilitlendi. Devam etmek için adınız ve PIN&apos;inizle oturum açın.</translation>
    </message>
    <message>
        <source>Type your name and your own PIN.</source>
        <translation>Adınızı ve kendi PIN&apos;inizi yazın.</translation>
    </message>
    <message>
        <source>No manager has been created yet: you can also continue in training mode on the sandbox.</source>
        <translation>Henüz yönetici oluşturulmadı: deneme ortamında eğitim modunda da devam edebilirsiniz.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Sale</source>
        <extracomment>Tab text; ``&amp;`` marks the Alt+letter mnemonic.</extracomment>
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
        <extracomment>Gets the focus when the tab is shown (``None``: leave the focus alone). An answer within this many seconds counts as &quot;answered recently&quot;. How long a background notice (a payment settled by the lookup) stays in the status bar. The signed-in operator changed (an :class:`Operator`, or None while nobody is signed in). Once, right after the window&apos;s first frame (two turns of the event loop after it was first shown: the first paint is done). The composition root builds the tabs the first frame does not show then. Who is signed in (a window built without one gets an empty staff: training on the sandbox). The audit trail for the Audit trail view and the day&apos;s reports (``None``: those menus are absent). Shift and day closes (``None``: no Close shift/day menu items). The tabs shown so far, in order (:meth:`add_pages` adds the ones built after the first frame).</extracomment>
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
        <source>Audit trail warning</source>
        <translation>Denetim kaydı uyarısı</translation>
    </message>
    <message>
        <source>Gateway status</source>
        <translation>Ödeme sistemi durumu</translation>
    </message>
    <message>
        <source>Shop database status</source>
        <extracomment>&quot;shop database: N records waiting&quot; (hidden without a shop database; see show_shop_status).</extracomment>
        <translation>Mağaza veritabanı durumu</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Dosya</translation>
    </message>
    <message>
        <source>S&amp;witch operator…</source>
        <translation>&amp;Operatör değiştir…</translation>
    </message>
    <message>
        <source>&amp;Operators…</source>
        <translation>&amp;Operatörler…</translation>
    </message>
    <message>
        <source>Change my &amp;PIN…</source>
        <translation>&amp;PIN&apos;imi değiştir…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Ayarlar…</translation>
    </message>
    <message>
        <source>&amp;Audit trail…</source>
        <translation>&amp;Denetim kaydı…</translation>
    </message>
    <message>
        <source>Close s&amp;hift…</source>
        <translation>&amp;Vardiyayı kapat…</translation>
    </message>
    <message>
        <source>Close &amp;day…</source>
        <translation>&amp;Günü kapat…</translation>
    </message>
    <message>
        <source>Closed &amp;reports…</source>
        <translation>Kapatılmış &amp;raporlar…</translation>
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
        <source>The audit trail has been altered: its chain is broken at record {number}. Records from there on cannot be trusted. Tell the manager; keep the file audit.sqlite3 as it is.</source>
        <translation>Denetim kaydı değiştirilmiş: zinciri {number} numaralı kayıtta kırık. O kayıttan sonrakilere güvenilemez. Yöneticiye haber verin; audit.sqlite3 dosyasına dokunmayın.</translation>
    </message>
    <message>
        <source>Close &amp;day with a manager&apos;s PIN…</source>
        <translation>&amp;Günü yönetici PIN&apos;iyle kapat…</translation>
    </message>
    <message>
        <source>A manager is needed</source>
        <translation>Yönetici gerekli</translation>
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
    <name>ManagerPinDialog</name>
    <message>
        <source>Manager approval</source>
        <translation>Yönetici onayı</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>Yönetici PIN’i</translation>
    </message>
    <message>
        <source>{what}

A manager must approve this: the manager types their own name and PIN.</source>
        <translation>{what}

Bunu bir yönetici onaylamalı: yönetici kendi adını ve PIN&apos;ini yazar.</translation>
    </message>
    <message>
        <source>Manager name</source>
        <translation>Yönetici adı</translation>
    </message>
    <message>
        <source>6 to 12 digits</source>
        <translation>6 ile 12 hane</translation>
    </message>
    <message>
        <source>Manager PIN problem</source>
        <translation>Yönetici PIN’i sorunu</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Onayla</translation>
    </message>
    <message>
        <source>Manager &amp;name</source>
        <translation>Yönetici &amp;adı</translation>
    </message>
    <message>
        <source>Manager &amp;PIN</source>
        <translation>Yönetici &amp;PIN&apos;i</translation>
    </message>
    <message>
        <source>Type the manager&apos;s name.</source>
        <translation>Yöneticinin adını yazın.</translation>
    </message>
    <message>
        <source>Type the manager PIN (digits only).</source>
        <translation>Yönetici PIN’ini girin (yalnızca rakam).</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Gateway: {text}</source>
        <extracomment>The translation context of every template (``QCoreApplication.translate(CONTEXT, template)``).</extracomment>
        <translation>Ödeme geçidi: {text}</translation>
    </message>
    <message>
        <source>unknown ({raw})</source>
        <translation>bilinmiyor ({raw})</translation>
    </message>
    <message>
        <source>payment</source>
        <translation>ödeme</translation>
    </message>
    <message>
        <source>pre-authorization</source>
        <translation>ön provizyon</translation>
    </message>
    <message>
        <source>capture</source>
        <translation>tahsilat</translation>
    </message>
    <message>
        <source>3-D Secure payment</source>
        <translation>3-D Secure ödeme</translation>
    </message>
    <message>
        <source>3-D Secure completion</source>
        <translation>3-D Secure tamamlama</translation>
    </message>
    <message>
        <source>checkout link</source>
        <translation>ödeme bağlantısı</translation>
    </message>
    <message>
        <source>void</source>
        <translation>iptal</translation>
    </message>
    <message>
        <source>refund</source>
        <translation>iade</translation>
    </message>
    <message>
        <source>card owner registration</source>
        <translation>kart sahibi kaydı</translation>
    </message>
    <message>
        <source>payment order</source>
        <translation>ödeme talimatı</translation>
    </message>
    <message>
        <source>subscription</source>
        <translation>abonelik</translation>
    </message>
    <message>
        <source>subscription update</source>
        <translation>abonelik güncelleme</translation>
    </message>
    <message>
        <source>request</source>
        <translation>istek</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>zamanında yanıt gelmedi</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>bağlantı koptu</translation>
    </message>
    <message>
        <source>The gateway address for this environment is not usable. Nothing was sent; check the address in Settings.</source>
        <translation>Bu ortamın ödeme geçidi adresi kullanılamıyor. Hiçbir şey gönderilmedi; adresi Ayarlar&apos;da kontrol edin.</translation>
    </message>
    <message>
        <source>The connection to the gateway was replaced (the settings changed) before this request left. Nothing was sent; try again.</source>
        <translation>Ağ geçidi bağlantısı bu istek gönderilmeden önce değiştirildi (ayarlar değişti). Hiçbir şey gönderilmedi; yeniden deneyin.</translation>
    </message>
    <message>
        <source>The gateway answered with a body this terminal cannot read.</source>
        <translation>Ödeme geçidi bu terminalin okuyamadığı bir içerikle yanıt verdi.</translation>
    </message>
    <message>
        <source>The gateway answered {status} with a body this terminal cannot read.</source>
        <translation>Ödeme geçidi {status} ile, bu terminalin okuyamadığı bir içerikle yanıt verdi.</translation>
    </message>
    <message>
        <source>The gateway could not be reached. Nothing was sent; check the network and try again.</source>
        <translation>Ödeme geçidine ulaşılamadı. Hiçbir şey gönderilmedi; ağ bağlantısını kontrol edip yeniden deneyin.</translation>
    </message>
    <message>
        <source>The gateway did not answer in time. Nothing was charged; try again.</source>
        <translation>Ödeme geçidi zamanında yanıt vermedi. Hiçbir tutar çekilmedi; yeniden deneyin.</translation>
    </message>
    <message>
        <source>The {operation} was sent but the gateway&apos;s answer was lost ({why}). It may or may not have gone through: do not send it again until it is resolved.</source>
        <translation>{operation} isteği gönderildi ancak ödeme geçidinin yanıtı kayboldu ({why}). İşlem gerçekleşmiş de olabilir, gerçekleşmemiş de: sonuç netleşene kadar yeniden göndermeyin.</translation>
    </message>
    <message>
        <source>The {operation} was sent but a proxy answered {status} instead of the gateway. It may or may not have gone through: do not send it again until it is resolved.</source>
        <translation>{operation} isteği gönderildi ancak ödeme geçidi yerine bir ara sunucu {status} ile yanıt verdi. İşlem gerçekleşmiş de olabilir, gerçekleşmemiş de: sonuç netleşene kadar yeniden göndermeyin.</translation>
    </message>
    <message>
        <source>The gateway refused the request as invalid.</source>
        <translation>Ödeme geçidi isteği geçersiz sayıp reddetti.</translation>
    </message>
    <message>
        <source>The gateway did not accept this terminal&apos;s credentials. Check the API key, secret and token for this environment in Settings.</source>
        <translation>Ödeme geçidi bu terminalin kimlik bilgilerini kabul etmedi. Bu ortamın API anahtarını, gizli anahtarını ve belirtecini Ayarlar&apos;da kontrol edin.</translation>
    </message>
    <message>
        <source>These credentials are not allowed to do this.</source>
        <translation>Bu kimlik bilgilerinin bu işlem için yetkisi yok.</translation>
    </message>
    <message>
        <source>These credentials are not allowed to do this. {detail}</source>
        <translation>Bu kimlik bilgilerinin bu işlem için yetkisi yok. {detail}</translation>
    </message>
    <message>
        <source>The gateway has no such record.</source>
        <translation>Ödeme geçidinde böyle bir kayıt yok.</translation>
    </message>
    <message>
        <source>The gateway refused this now.</source>
        <translation>Ödeme geçidi bunu şu anda reddetti.</translation>
    </message>
    <message>
        <source>The gateway is receiving too many requests. Wait {seconds} s and try again.</source>
        <translation>Ödeme geçidine çok fazla istek geliyor. {seconds} sn bekleyip yeniden deneyin.</translation>
    </message>
    <message>
        <source>The gateway is receiving too many requests. Wait a moment and try again.</source>
        <translation>Ödeme geçidine çok fazla istek geliyor. Biraz bekleyip yeniden deneyin.</translation>
    </message>
    <message>
        <source>The gateway had an internal error ({status}). Nothing was completed.</source>
        <translation>Ödeme geçidinde iç hata oluştu ({status}). Hiçbir işlem tamamlanmadı.</translation>
    </message>
    <message>
        <source>The gateway had an internal error ({status}). {detail} Nothing was completed.</source>
        <translation>Ödeme geçidinde iç hata oluştu ({status}). {detail} Hiçbir işlem tamamlanmadı.</translation>
    </message>
    <message>
        <source>The gateway answered {status}.</source>
        <translation>Ödeme geçidi {status} ile yanıt verdi.</translation>
    </message>
    <message>
        <source>Approved.</source>
        <translation>Onaylandı.</translation>
    </message>
    <message>
        <source>Declined by the card issuer. Nothing was charged.</source>
        <translation>Kartı çıkaran banka reddetti. Hiçbir tutar çekilmedi.</translation>
    </message>
    <message>
        <source>Declined: {why}. Nothing was charged.</source>
        <translation>Reddedildi: {why}. Hiçbir tutar çekilmedi.</translation>
    </message>
    <message>
        <source>This card needs 3-D Secure. Nothing was charged.</source>
        <translation>Bu kart 3-D Secure gerektiriyor. Hiçbir tutar çekilmedi.</translation>
    </message>
    <message>
        <source>The gateway answered with status {status}.</source>
        <translation>Ödeme geçidi {status} durumuyla yanıt verdi.</translation>
    </message>
    <message>
        <source>The payment was not sent: {errors}</source>
        <translation>Ödeme gönderilmedi: {errors}</translation>
    </message>
    <message>
        <source>Order ID {order_id} was already sent. Nothing was sent now.</source>
        <translation>{order_id} sipariş numarası zaten gönderildi. Şimdi hiçbir şey gönderilmedi.</translation>
    </message>
    <message>
        <source>The payment may or may not have gone through.</source>
        <translation>Ödeme gerçekleşmiş de olabilir, gerçekleşmemiş de.</translation>
    </message>
    <message>
        <source>The gateway&apos;s answer could not be read. The payment may or may not have gone through.</source>
        <translation>Ödeme geçidinin yanıtı okunamadı. Ödeme gerçekleşmiş de olabilir, gerçekleşmemiş de.</translation>
    </message>
    <message>
        <source>A sale of {amount} on the card ending {last_four} is still unresolved (order {order_id}). Charge this card again?</source>
        <translation>Sonu {last_four} ile biten kartta {amount} tutarlı bir satışın sonucu hâlâ belli değil (sipariş {order_id}). Bu karttan yeniden çekim yapılsın mı?</translation>
    </message>
    <message>
        <source>A sale of {amount} on the card ending {last_four} was approved at {time} (order {order_id}). Charge this card again?</source>
        <translation>Sonu {last_four} ile biten kartta {amount} tutarlı bir satış saat {time}&apos;da onaylandı (sipariş {order_id}). Bu karttan yeniden çekim yapılsın mı?</translation>
    </message>
    <message>
        <source>Domestic</source>
        <translation>Yurt içi</translation>
    </message>
    <message>
        <source>International</source>
        <translation>Yurt dışı</translation>
    </message>
    <message>
        <source>Start the next sale.</source>
        <translation>Sonraki satışa geçin.</translation>
    </message>
    <message>
        <source>The card needed 3-D Secure: the same sale went on with the card holder&apos;s bank check.</source>
        <translation>Kart 3-D Secure gerektirdi: aynı satış kart sahibinin banka doğrulamasıyla devam etti.</translation>
    </message>
    <message>
        <source>The amount is held on the card. Capture it later: select it in the list of open pre-authorizations and press Capture.</source>
        <translation>Tutar kartta bloke edildi. Daha sonra tahsil edin: açık ön provizyonlar listesinde seçip «Tahsil et» düğmesine basın.</translation>
    </message>
    <message>
        <source>Approved — settled by asking the gateway.</source>
        <translation>Onaylandı — ödeme sistemine sorularak netleşti.</translation>
    </message>
    <message>
        <source>Declined — settled by asking the gateway. Nothing was charged.</source>
        <translation>Reddedildi — ödeme sistemine sorularak netleşti. Çekim yapılmadı.</translation>
    </message>
    <message>
        <source>Not charged — settled by asking the gateway. It is safe to charge again with a new order ID.</source>
        <translation>Çekim yapılmadı — ödeme sistemine sorularak netleşti. Yeni bir sipariş numarasıyla yeniden çekim yapılabilir.</translation>
    </message>
    <message>
        <source>Order {order_id} ({amount}): {result}</source>
        <translation>Sipariş {order_id} ({amount}): {result}</translation>
    </message>
    <message>
        <source>Do not charge again. Check the Journal — it will be resolved with the gateway.</source>
        <translation>Yeniden çekim yapmayın. İşlem günlüğüne bakın — ödeme geçidiyle netleştirilecek.</translation>
    </message>
    <message>
        <source>Ask for another card or another way to pay.</source>
        <translation>Başka bir kart ya da başka bir ödeme yolu isteyin.</translation>
    </message>
    <message>
        <source>Pay with 3-D Secure: the card holder confirms on their phone or bank page.</source>
        <translation>3-D Secure ile ödeyin: kart sahibi telefonunda ya da banka sayfasında onaylar.</translation>
    </message>
    <message>
        <source>Correct the marked fields and press Pay again.</source>
        <translation>İşaretli alanları düzeltip yeniden Öde&apos;ye basın.</translation>
    </message>
    <message>
        <source>Press New for a fresh order ID, or check the Journal for that order.</source>
        <translation>Yeni bir sipariş numarası için Yeni&apos;ye basın ya da bu siparişi işlem günlüğünde kontrol edin.</translation>
    </message>
    <message>
        <source>Check this environment&apos;s credentials in Settings, retype the card number and CVV, then press Pay again (same order ID).</source>
        <translation>Bu ortamın kimlik bilgilerini Ayarlar&apos;da kontrol edin, kart numarasını ve CVV&apos;yi yeniden yazın, sonra yeniden Öde&apos;ye basın (aynı sipariş numarası).</translation>
    </message>
    <message>
        <source>Wait, retype the card number and CVV, then press Pay again (same order ID).</source>
        <translation>Bekleyin, kart numarasını ve CVV&apos;yi yeniden yazın, sonra yeniden Öde&apos;ye basın (aynı sipariş numarası).</translation>
    </message>
    <message>
        <source>Check the network, retype the card number and CVV, then press Pay again (same order ID).</source>
        <translation>Ağ bağlantısını kontrol edin, kart numarasını ve CVV&apos;yi yeniden yazın, sonra yeniden Öde&apos;ye basın (aynı sipariş numarası).</translation>
    </message>
    <message>
        <source>Retype the card number and CVV and press Pay again: the same order ID is kept, so it cannot charge twice.</source>
        <translation>Kart numarasını ve CVV&apos;yi yeniden yazıp yeniden Öde&apos;ye basın: sipariş numarası aynı kalır, bu yüzden iki kez çekim olamaz.</translation>
    </message>
    <message>
        <source>Captured {captured} — {released} released.</source>
        <translation>{captured} tahsil edildi — {released} serbest bırakıldı.</translation>
    </message>
    <message>
        <source>To give money back, void it in the Journal today or refund it after the daily settlement.</source>
        <translation>Parayı geri vermek için bugün İşlem günlüğünde iptal edin ya da günlük mutabakattan sonra iade edin.</translation>
    </message>
    <message>
        <source>Only a pre-authorization can be captured.</source>
        <translation>Yalnızca bir ön provizyon kapatılabilir.</translation>
    </message>
    <message>
        <source>Pre-authorization {order_id} was not approved; nothing to capture.</source>
        <translation>{order_id} ön provizyonu onaylanmadı; kapatılacak bir şey yok.</translation>
    </message>
    <message>
        <source>Pre-authorization {order_id} was already captured.</source>
        <translation>{order_id} ön provizyonu zaten kapatıldı.</translation>
    </message>
    <message>
        <source>A capture of {order_id} has no known outcome yet. Resolve it in the Journal first.</source>
        <translation>{order_id} için bir provizyon kapatmanın sonucu henüz bilinmiyor. Önce işlem günlüğünde netleştirin.</translation>
    </message>
    <message>
        <source>The capture amount must be greater than zero.</source>
        <translation>Kapatma tutarı sıfırdan büyük olmalıdır.</translation>
    </message>
    <message>
        <source>At most {amount} can be captured.</source>
        <translation>En fazla {amount} tahsil edilebilir.</translation>
    </message>
    <message>
        <source>Order ID {order_id} was already sent with 3-D Secure. Nothing was sent now.</source>
        <translation>{order_id} sipariş numarası 3-D Secure ile zaten gönderildi. Şimdi hiçbir şey gönderilmedi.</translation>
    </message>
    <message>
        <source>Press New for a fresh order ID, or check the Journal.</source>
        <translation>Yeni bir sipariş numarası için Yeni&apos;ye basın ya da işlem günlüğüne bakın.</translation>
    </message>
    <message>
        <source>The 3-D Secure request was sent but its answer was lost.</source>
        <translation>3-D Secure isteği gönderildi ama yanıtı kayboldu.</translation>
    </message>
    <message>
        <source>Not charged. {why}</source>
        <translation>Çekim yapılmadı. {why}</translation>
    </message>
    <message>
        <source>3-D Secure could not start: {why}. Nothing was charged.</source>
        <translation>3-D Secure başlatılamadı: {why}. Hiçbir tutar çekilmedi.</translation>
    </message>
    <message>
        <source>the gateway did not start 3-D Secure</source>
        <translation>ödeme geçidi 3-D Secure&apos;u başlatmadı</translation>
    </message>
    <message>
        <source>The card holder did not finish authentication in time.</source>
        <translation>Kart sahibi doğrulamayı zamanında bitirmedi.</translation>
    </message>
    <message>
        <source>3-D Secure was cancelled.</source>
        <translation>3-D Secure iptal edildi.</translation>
    </message>
    <message>
        <source>{why} Cancelled — nothing charged.</source>
        <translation>{why} İptal edildi — hiçbir tutar çekilmedi.</translation>
    </message>
    <message>
        <source>The card holder&apos;s authentication failed. Nothing was charged.</source>
        <translation>Kart sahibinin doğrulaması başarısız oldu. Hiçbir tutar çekilmedi.</translation>
    </message>
    <message>
        <source>Declined: the card holder&apos;s authentication failed. Nothing was charged.</source>
        <translation>Reddedildi: kart sahibinin doğrulaması başarısız oldu. Hiçbir tutar çekilmedi.</translation>
    </message>
    <message>
        <source>To try again, pay with 3-D Secure under a new order ID, or take another card.</source>
        <translation>Yeniden denemek için yeni bir sipariş numarasıyla 3-D Secure ile ödeyin ya da başka bir kart alın.</translation>
    </message>
    <message>
        <source>creating…</source>
        <translation>oluşturuluyor…</translation>
    </message>
    <message>
        <source>awaiting payment</source>
        <translation>ödeme bekleniyor</translation>
    </message>
    <message>
        <source>PAID</source>
        <translation>ÖDENDİ</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>BAŞARISIZ</translation>
    </message>
    <message>
        <source>not known — create again</source>
        <translation>bilinmiyor — yeniden oluşturun</translation>
    </message>
    <message>
        <source>not created</source>
        <translation>oluşturulmadı</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>iptal edildi</translation>
    </message>
    <message>
        <source>The customer paid this link.</source>
        <translation>Müşteri bu bağlantıyla ödedi.</translation>
    </message>
    <message>
        <source>Hand over the goods; the payment is in the Journal.</source>
        <translation>Ürünü teslim edin; ödeme işlem günlüğünde.</translation>
    </message>
    <message>
        <source>Declined. Nothing was charged.</source>
        <translation>Reddedildi. Hiçbir tutar çekilmedi.</translation>
    </message>
    <message>
        <source>The link is used up: create a new link (new order ID) or take another way to pay.</source>
        <translation>Bağlantı kullanıldı: yeni bir bağlantı oluşturun (yeni sipariş numarası) ya da başka bir ödeme yolu kullanın.</translation>
    </message>
    <message>
        <source>The link was not created: {errors}</source>
        <translation>Bağlantı oluşturulmadı: {errors}</translation>
    </message>
    <message>
        <source>Order ID {order_id} already has a link for {amount}. Nothing was sent. Press New for a fresh order ID.</source>
        <translation>{order_id} sipariş numarası için zaten {amount} tutarında bir bağlantı var. Hiçbir şey gönderilmedi. Yeni bir sipariş numarası için Yeni&apos;ye basın.</translation>
    </message>
    <message>
        <source>Order {order_id} already has this link. Nothing was sent.</source>
        <translation>{order_id} siparişinin bu bağlantısı zaten var. Hiçbir şey gönderilmedi.</translation>
    </message>
    <message>
        <source>A link for order {order_id} is being created right now. Nothing was sent.</source>
        <translation>{order_id} siparişi için şu anda bir bağlantı oluşturuluyor. Hiçbir şey gönderilmedi.</translation>
    </message>
    <message>
        <source>Order ID {order_id} was just used. Nothing was sent. Press New for a fresh order ID.</source>
        <translation>{order_id} sipariş numarası az önce kullanıldı. Hiçbir şey gönderilmedi. Yeni bir sipariş numarası için Yeni&apos;ye basın.</translation>
    </message>
    <message>
        <source>The link was requested but the answer was lost. Press Create link again: the same order ID brings back the same link if it was made.</source>
        <translation>Bağlantı istendi ama yanıt kayboldu. Yeniden Bağlantı oluştur&apos;a basın: oluşturulduysa aynı sipariş numarası aynı bağlantıyı geri getirir.</translation>
    </message>
    <message>
        <source>The link was not created: {why}</source>
        <translation>Bağlantı oluşturulmadı: {why}</translation>
    </message>
    <message>
        <source>Link created. Show the QR code or send the link to the customer.</source>
        <translation>Bağlantı oluşturuldu. QR kodunu gösterin ya da bağlantıyı müşteriye gönderin.</translation>
    </message>
    <message>
        <source>Could not ask the gateway: {why}</source>
        <translation>Ödeme geçidine sorulamadı: {why}</translation>
    </message>
    <message>
        <source>A {kind} cannot be voided. Select the payment itself.</source>
        <translation>Bir {kind} işlemi iptal edilemez. Ödemenin kendisini seçin.</translation>
    </message>
    <message>
        <source>A {kind} cannot be refunded. Select the payment itself.</source>
        <translation>Bir {kind} işlemi iade edilemez. Ödemenin kendisini seçin.</translation>
    </message>
    <message>
        <source>Payment {order_id} was refunded (in part or in full); it can only be refunded further, not voided.</source>
        <translation>{order_id} ödemesi iade edildi (kısmen ya da tamamen); artık yalnızca iade edilebilir, iptal edilemez.</translation>
    </message>
    <message>
        <source>Pre-authorization {order_id} was never captured: nothing was taken to refund. Void it to release the hold.</source>
        <translation>{order_id} ön provizyonu hiç kapatılmadı: iade edilecek bir çekim yok. Blokeyi kaldırmak için iptal edin.</translation>
    </message>
    <message>
        <source>Nothing is left to refund on {order_id}.</source>
        <translation>{order_id} üzerinde iade edilecek tutar kalmadı.</translation>
    </message>
    <message>
        <source>The refund amount is not a number.</source>
        <translation>İade tutarı bir sayı değil.</translation>
    </message>
    <message>
        <source>At most {amount} can still be refunded.</source>
        <translation>En fazla {amount} daha iade edilebilir.</translation>
    </message>
    <message>
        <source>Payment {order_id} has no known outcome yet: it cannot be voided.</source>
        <translation>{order_id} ödemesinin sonucu henüz bilinmiyor: iptal edilemez.</translation>
    </message>
    <message>
        <source>Payment {order_id} has no known outcome yet: it cannot be refunded.</source>
        <translation>{order_id} ödemesinin sonucu henüz bilinmiyor: iade edilemez.</translation>
    </message>
    <message>
        <source>Payment {order_id} is {state}: it cannot be voided.</source>
        <translation>{order_id} ödemesinin durumu {state}: iptal edilemez.</translation>
    </message>
    <message>
        <source>Payment {order_id} is {state}: it cannot be refunded.</source>
        <translation>{order_id} ödemesinin durumu {state}: iade edilemez.</translation>
    </message>
    <message>
        <source>A {kind} of {order_id} has no known outcome yet. Wait until the Journal resolves it (or check it with Details) before sending another.</source>
        <translation>{order_id} için gönderilen {kind} işleminin sonucu henüz bilinmiyor. Yenisini göndermeden önce İşlem günlüğünün onu çözmesini bekleyin (ya da Ayrıntılar ile kontrol edin).</translation>
    </message>
    <message>
        <source>Payment {order_id} was already voided.</source>
        <translation>{order_id} ödemesi zaten iptal edildi.</translation>
    </message>
    <message>
        <source>The void was sent but no answer came back. Do not send it again: the Journal checks it with the gateway and shows the outcome.</source>
        <translation>İptal gönderildi ama yanıt gelmedi. Yeniden göndermeyin: İşlem günlüğü ödeme geçidiyle kontrol edip sonucu gösterir.</translation>
    </message>
    <message>
        <source>The refund was sent but no answer came back. Do not send it again: the Journal checks it with the gateway and shows the outcome.</source>
        <translation>İade gönderildi ama yanıt gelmedi. Yeniden göndermeyin: İşlem günlüğü ödeme geçidiyle kontrol edip sonucu gösterir.</translation>
    </message>
    <message>
        <source>The gateway&apos;s answer to the void could not be read. The Journal checks it with the gateway.</source>
        <translation>Ödeme geçidinin iptale verdiği yanıt okunamadı. İşlem günlüğü ödeme geçidiyle kontrol eder.</translation>
    </message>
    <message>
        <source>The gateway&apos;s answer to the refund could not be read. The Journal checks it with the gateway.</source>
        <translation>Ödeme geçidinin iadeye verdiği yanıt okunamadı. İşlem günlüğü ödeme geçidiyle kontrol eder.</translation>
    </message>
    <message>
        <source>The gateway refused the void.</source>
        <translation>Ödeme geçidi iptali reddetti.</translation>
    </message>
    <message>
        <source>The gateway refused the refund.</source>
        <translation>Ödeme geçidi iadeyi reddetti.</translation>
    </message>
    <message>
        <source>Void done.</source>
        <translation>İptal yapıldı.</translation>
    </message>
    <message>
        <source>Refund done.</source>
        <translation>İade yapıldı.</translation>
    </message>
    <message>
        <source>Capture done.</source>
        <translation>Tahsilat yapıldı.</translation>
    </message>
    <message>
        <source>Voided {amount} of {order_id}.</source>
        <translation>{order_id} işleminin {amount} tutarı iptal edildi.</translation>
    </message>
    <message>
        <source>Refunded {amount} of {order_id}; {left} left.</source>
        <translation>{order_id} işleminden {amount} iade edildi; {left} kaldı.</translation>
    </message>
    <message>
        <source>The gateway has no payment with this order ID: nothing was done.</source>
        <translation>Ödeme geçidinde bu sipariş numarasıyla bir ödeme yok: hiçbir şey yapılmadı.</translation>
    </message>
    <message>
        <source>Voided with its pre-authorization.</source>
        <translation>Ön provizyonuyla birlikte iptal edildi.</translation>
    </message>
    <message>
        <source>Voided ({approved_by}).</source>
        <translation>İptal edildi ({approved_by}).</translation>
    </message>
    <message>
        <source>Voided (approved).</source>
        <translation>İptal edildi (onaylı).</translation>
    </message>
    <message>
        <source>The PIN must be {shortest} to {longest} digits.</source>
        <translation>PIN {shortest} ile {longest} hane arasında olmalı.</translation>
    </message>
    <message>
        <source>Type a name of 1 to 40 characters.</source>
        <translation>1 ile 40 karakter arasında bir ad yazın.</translation>
    </message>
    <message>
        <source>“{name}” is the built-in training operator. Choose another name.</source>
        <translation>“{name}” yerleşik eğitim operatörü. Başka bir ad seçin.</translation>
    </message>
    <message>
        <source>There is already an operator named “{name}”.</source>
        <translation>“{name}” adında bir operatör zaten var.</translation>
    </message>
    <message>
        <source>There is no operator named “{name}”.</source>
        <translation>“{name}” adında bir operatör yok.</translation>
    </message>
    <message>
        <source>This is the last manager who can sign in. Add or enable another manager first.</source>
        <translation>Bu, oturum açabilen son yönetici. Önce başka bir yönetici ekleyin veya etkinleştirin.</translation>
    </message>
    <message>
        <source>The name or the PIN is wrong.</source>
        <translation>Ad veya PIN yanlış.</translation>
    </message>
    <message>
        <source>The name or the PIN is wrong. Tries left before this operator is locked out for 30 minutes: {tries}.</source>
        <translation>Ad veya PIN yanlış. Bu operatör 30 dakika kilitlenmeden önce kalan deneme: {tries}.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: this operator is locked out. Time left: {minutes} min, or until a manager unlocks them.</source>
        <translation>Çok fazla yanlış PIN: bu operatör kilitlendi. Kalan süre: {minutes} dk veya bir yönetici kilidi açana kadar.</translation>
    </message>
    <message>
        <source>Sign in with your own name first.</source>
        <translation>Önce kendi adınızla oturum açın.</translation>
    </message>
    <message>
        <source>Only a manager may do this ({action}). Ask a manager to sign in.</source>
        <translation>Bunu yalnızca bir yönetici yapabilir ({action}). Bir yöneticiden oturum açmasını isteyin.</translation>
    </message>
    <message>
        <source>A void or a refund needs a manager: a manager signed in, or a manager&apos;s name and PIN typed here. Nothing was sent.</source>
        <translation>İptal veya iade için yönetici gerekir: oturum açmış bir yönetici ya da burada yazılan bir yöneticinin adı ve PIN&apos;i. Hiçbir şey gönderilmedi.</translation>
    </message>
    <message>
        <source>{name} is not a manager. Nothing was sent.</source>
        <translation>{name} yönetici değil. Hiçbir şey gönderilmedi.</translation>
    </message>
    <message>
        <source>voids and refunds</source>
        <translation>iptal ve iadeler</translation>
    </message>
    <message>
        <source>creating, changing or disabling subscriptions</source>
        <translation>abonelik oluşturma, değiştirme veya devre dışı bırakma</translation>
    </message>
    <message>
        <source>card owners</source>
        <translation>kart sahipleri</translation>
    </message>
    <message>
        <source>payment orders</source>
        <translation>ödeme emirleri</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ayarlar</translation>
    </message>
    <message>
        <source>switching the environment</source>
        <translation>ortam değiştirme</translation>
    </message>
    <message>
        <source>operators</source>
        <translation>operatörler</translation>
    </message>
    <message>
        <source>CSV export</source>
        <translation>CSV dışa aktarma</translation>
    </message>
    <message>
        <source>closing the day</source>
        <translation>günü kapatmak</translation>
    </message>
    <message>
        <source>closing their own shift</source>
        <translation>kendi vardiyasını kapatmak</translation>
    </message>
    <message>
        <source>Only {owner} may do this ({action}). Ask {owner} to sign in.</source>
        <translation>Bunu yalnızca {owner} yapabilir ({action}). {owner} adlı kişiden oturum açmasını isteyin.</translation>
    </message>
    <message>
        <source>{name} is not a manager. The day was not closed.</source>
        <translation>{name} yönetici değil. Gün kapatılmadı.</translation>
    </message>
    <message>
        <source>manager PIN</source>
        <translation>yönetici PIN&apos;i</translation>
    </message>
    <message>
        <source>no PIN required</source>
        <translation>PIN gerekmiyor</translation>
    </message>
    <message>
        <source>Refunded in full.</source>
        <translation>Tamamı iade edildi.</translation>
    </message>
    <message>
        <source>Refunded {amount}; {left} left.</source>
        <translation>{amount} iade edildi; {left} kaldı.</translation>
    </message>
    <message>
        <source>Retried after: {why}</source>
        <translation>Şundan sonra yeniden denendi: {why}</translation>
    </message>
    <message>
        <source>an error</source>
        <translation>bir hata</translation>
    </message>
    <message>
        <source>The terminal stopped while this request was in flight.</source>
        <translation>Bu istek yoldayken terminal kapandı.</translation>
    </message>
    <message>
        <source>The terminal failed while this request was in flight.</source>
        <translation>Bu istek yoldayken terminalde bir hata oluştu.</translation>
    </message>
    <message>
        <source>cancelled — nothing charged</source>
        <translation>iptal edildi — çekim yapılmadı</translation>
    </message>
    <message>
        <source>gateway lookup: approved ({stamp})</source>
        <translation>ödeme sistemine soruldu: onaylandı ({stamp})</translation>
    </message>
    <message>
        <source>gateway lookup: declined, nothing charged ({stamp})</source>
        <translation>ödeme sistemine soruldu: reddedildi, hiçbir tutar çekilmedi ({stamp})</translation>
    </message>
    <message>
        <source>gateway lookup: void done ({stamp})</source>
        <translation>ödeme sistemine soruldu: iptal yapıldı ({stamp})</translation>
    </message>
    <message>
        <source>gateway lookup: refund done ({stamp})</source>
        <translation>ödeme sistemine soruldu: iade yapıldı ({stamp})</translation>
    </message>
    <message>
        <source>gateway lookup: capture done ({stamp})</source>
        <translation>ödeme sistemine soruldu: tahsilat yapıldı ({stamp})</translation>
    </message>
    <message>
        <source>gateway lookup: no void recorded — nothing was done ({stamp})</source>
        <translation>ödeme sistemine soruldu: iptal kaydı yok — hiçbir işlem yapılmadı ({stamp})</translation>
    </message>
    <message>
        <source>gateway lookup: no refund recorded — nothing was done ({stamp})</source>
        <translation>ödeme sistemine soruldu: iade kaydı yok — hiçbir işlem yapılmadı ({stamp})</translation>
    </message>
    <message>
        <source>gateway lookup: no capture recorded — nothing was done ({stamp})</source>
        <translation>ödeme sistemine soruldu: tahsilat kaydı yok — hiçbir işlem yapılmadı ({stamp})</translation>
    </message>
    <message>
        <source>gateway lookup: no such payment — no void was done ({stamp})</source>
        <translation>ödeme sistemine soruldu: böyle bir ödeme yok — iptal yapılmadı ({stamp})</translation>
    </message>
    <message>
        <source>gateway lookup: no such payment — no refund was done ({stamp})</source>
        <translation>ödeme sistemine soruldu: böyle bir ödeme yok — iade yapılmadı ({stamp})</translation>
    </message>
    <message>
        <source>gateway lookup: no such payment — no capture was done ({stamp})</source>
        <translation>ödeme sistemine soruldu: böyle bir ödeme yok — tahsilat yapılmadı ({stamp})</translation>
    </message>
    <message>
        <source>not charged — safe to charge again with a new order ID ({stamp})</source>
        <translation>çekim yapılmadı — yeni bir sipariş numarasıyla yeniden çekim yapılabilir ({stamp})</translation>
    </message>
    <message>
        <source>cashier verified: {state} — {note}</source>
        <translation>kasiyer doğruladı: {state} — {note}</translation>
    </message>
    <message>
        <source>the gateway answered in a form this terminal does not understand (HTTP {status}) ({stamp})</source>
        <translation>ödeme geçidi bu terminalin anlamadığı bir biçimde yanıt verdi (HTTP {status}) ({stamp})</translation>
    </message>
    <message>
        <source>Enter the card number.</source>
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
        <source>A {brand} card number has {lengths} digits.</source>
        <translation>{brand} kart numarası {lengths} hanelidir.</translation>
    </message>
    <message>
        <source>{lengths} or {last}</source>
        <translation>{lengths} veya {last}</translation>
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
        <source>The security code has {count} digits for this card.</source>
        <translation>Bu kartın güvenlik kodu {count} hanelidir.</translation>
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
        <source>Unknown currency {currency}.</source>
        <translation>Bilinmeyen para birimi {currency}.</translation>
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
        <source>{amount} does not fit {currency} without rounding.</source>
        <translation>{amount}, {currency} için yuvarlamadan ifade edilemiyor.</translation>
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
        <source>An order ID must not hold a card number: use another one (press New for a fresh one).</source>
        <translation>Sipariş numarası kart numarası içeremez: başka bir numara kullanın (yenisi için Yeni&apos;ye basın).</translation>
    </message>
    <message>
        <source>interval must be between 1 and 30</source>
        <translation>aralık 1 ile 30 arasında olmalı</translation>
    </message>
    <message>
        <source>dayOfMonth is required for monthly and yearly payments</source>
        <translation>aylık ve yıllık ödemeler için ayın günü gerekli</translation>
    </message>
    <message>
        <source>dayOfMonth must be between 1 and 31</source>
        <translation>ayın günü 1 ile 31 arasında olmalı</translation>
    </message>
    <message>
        <source>monthOfYear is required for yearly payments</source>
        <translation>yıllık ödemeler için ay gerekli</translation>
    </message>
    <message>
        <source>monthOfYear must be between 1 and 12</source>
        <translation>ay 1 ile 12 arasında olmalı</translation>
    </message>
    <message>
        <source>times must carry a time zone</source>
        <translation>zamanlar bir saat dilimi içermeli</translation>
    </message>
    <message>
        <source>every day</source>
        <translation>her gün</translation>
    </message>
    <message>
        <source>every {interval} days</source>
        <translation>{interval} günde bir</translation>
    </message>
    <message>
        <source>every month on day {day}, or the month&apos;s last day</source>
        <translation>her ay ayın {day}. günü ya da ayın son günü</translation>
    </message>
    <message>
        <source>every {interval} months on day {day}, or the month&apos;s last day</source>
        <translation>{interval} ayda bir, ayın {day}. günü ya da ayın son günü</translation>
    </message>
    <message>
        <source>every month on day {day}</source>
        <translation>her ay ayın {day}. günü</translation>
    </message>
    <message>
        <source>every {interval} months on day {day}</source>
        <translation>{interval} ayda bir, ayın {day}. günü</translation>
    </message>
    <message>
        <source>every month on the same day</source>
        <translation>her ay aynı gün</translation>
    </message>
    <message>
        <source>every {interval} months on the same day</source>
        <translation>{interval} ayda bir, aynı gün</translation>
    </message>
    <message>
        <source>every year</source>
        <translation>her yıl</translation>
    </message>
    <message>
        <source>every {interval} years</source>
        <translation>{interval} yılda bir</translation>
    </message>
    <message>
        <source>every year on {day} {month}, or the month&apos;s last day</source>
        <translation>her yıl {day} {month} ya da ayın son günü</translation>
    </message>
    <message>
        <source>every {interval} years on {day} {month}, or the month&apos;s last day</source>
        <translation>{interval} yılda bir, {day} {month} ya da ayın son günü</translation>
    </message>
    <message>
        <source>every year on {day} {month}</source>
        <translation>her yıl {day} {month}</translation>
    </message>
    <message>
        <source>every {interval} years on {day} {month}</source>
        <translation>{interval} yılda bir, {day} {month}</translation>
    </message>
    <message>
        <source>January</source>
        <translation>Ocak</translation>
    </message>
    <message>
        <source>February</source>
        <translation>Şubat</translation>
    </message>
    <message>
        <source>March</source>
        <translation>Mart</translation>
    </message>
    <message>
        <source>April</source>
        <translation>Nisan</translation>
    </message>
    <message>
        <source>May</source>
        <translation>Mayıs</translation>
    </message>
    <message>
        <source>June</source>
        <translation>Haziran</translation>
    </message>
    <message>
        <source>July</source>
        <translation>Temmuz</translation>
    </message>
    <message>
        <source>August</source>
        <translation>Ağustos</translation>
    </message>
    <message>
        <source>September</source>
        <translation>Eylül</translation>
    </message>
    <message>
        <source>October</source>
        <translation>Ekim</translation>
    </message>
    <message>
        <source>November</source>
        <translation>Kasım</translation>
    </message>
    <message>
        <source>December</source>
        <translation>Aralık</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Etkin</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Devre dışı</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Tamamlandı</translation>
    </message>
    <message>
        <source>Awaiting owner confirmation</source>
        <translation>Kart sahibinin onayı bekleniyor</translation>
    </message>
    <message>
        <source>Awaiting card save</source>
        <translation>Kart kaydı bekleniyor</translation>
    </message>
    <message>
        <source>Active: payments will be taken on schedule.</source>
        <translation>Etkin: ödemeler plana göre alınacak.</translation>
    </message>
    <message>
        <source>Disabled: no payments will be taken until it is enabled again.</source>
        <translation>Devre dışı: yeniden etkinleştirilene kadar ödeme alınmayacak.</translation>
    </message>
    <message>
        <source>Complete: every scheduled payment has been taken.</source>
        <translation>Tamamlandı: planlanan her ödeme alındı.</translation>
    </message>
    <message>
        <source>Waiting for the card owner to confirm by SMS; no payment is taken until they do.</source>
        <translation>Kart sahibinin SMS ile onayı bekleniyor; onaylayana kadar ödeme alınmaz.</translation>
    </message>
    <message>
        <source>Waiting for the card to be saved; payments start once the card storage is complete.</source>
        <translation>Kartın kaydedilmesi bekleniyor; kart kaydı tamamlanınca ödemeler başlar.</translation>
    </message>
    <message>
        <source>The card owner must confirm by SMS before any payment is taken.</source>
        <translation>Herhangi bir ödeme alınmadan önce kart sahibi SMS ile onaylamalıdır.</translation>
    </message>
    <message>
        <source>No confirmation is needed from the card owner.</source>
        <translation>Kart sahibinden onay gerekmiyor.</translation>
    </message>
    <message>
        <source>Card owner ID: {owner_id}</source>
        <translation>Kart sahibi no: {owner_id}</translation>
    </message>
    <message>
        <source>The gateway accepted the request.</source>
        <translation>Ödeme geçidi isteği kabul etti.</translation>
    </message>
    <message>
        <source>Status: unknown ({raw}).</source>
        <translation>Durum: bilinmiyor ({raw}).</translation>
    </message>
    <message>
        <source>The gateway refused the recurring-payments token (401): check the token in Settings.</source>
        <translation>Ödeme geçidi tekrarlayan ödeme anahtarını reddetti (401): anahtarı Ayarlar&apos;da kontrol edin.</translation>
    </message>
    <message>
        <source>This token is not allowed to list subscriptions (403). Ask Klogs to enable the registered-payment API for this merchant.</source>
        <translation>Bu token abonelikleri listeleyemez (403). Klogs’tan bu üye işyeri için kayıtlı ödeme API’sini açmasını isteyin.</translation>
    </message>
    <message>
        <source>Too many requests to the gateway (429): wait {seconds} s and try again.</source>
        <translation>Ödeme geçidine çok fazla istek gitti (429): {seconds} sn bekleyip yeniden deneyin.</translation>
    </message>
    <message>
        <source>Too many requests to the gateway (429): wait a moment and try again.</source>
        <translation>Ödeme geçidine çok fazla istek gitti (429): biraz bekleyip yeniden deneyin.</translation>
    </message>
    <message>
        <source>The gateway had an internal error ({status}): try again in a few minutes.</source>
        <translation>Ödeme geçidinde iç hata oluştu ({status}): birkaç dakika sonra yeniden deneyin.</translation>
    </message>
    <message>
        <source>The gateway could not be reached. Check the network and try again.</source>
        <translation>Ödeme geçidine ulaşılamadı. Ağ bağlantısını kontrol edip yeniden deneyin.</translation>
    </message>
    <message>
        <source>The subscriptions could not be loaded.</source>
        <translation>Abonelikler yüklenemedi.</translation>
    </message>
    <message>
        <source>{brand} •••• {last_four}, expires {expiry} — {owner}</source>
        <translation>{brand} •••• {last_four}, son kullanma {expiry} — {owner}</translation>
    </message>
    <message>
        <source>Waiting for the card to be saved…</source>
        <translation>Kartın kaydedilmesi bekleniyor…</translation>
    </message>
    <message>
        <source>The gateway sends the card owner a link to save their card. This window moves on by itself when the gateway says the card is saved.</source>
        <translation>Ödeme geçidi kart sahibine kartını kaydetmesi için bir bağlantı gönderir. Ödeme geçidi kartın kaydedildiğini bildirdiğinde bu pencere kendiliğinden devam eder.</translation>
    </message>
    <message>
        <source>Training: give the customer this link, or let them scan the code, to save a test card.</source>
        <translation>Eğitim: bir test kartı kaydetmesi için müşteriye bu bağlantıyı verin veya kodu okutun.</translation>
    </message>
    <message>
        <source>Card saved: {card}. It is now offered in the subscription and payment-order forms.</source>
        <translation>Kart kaydedildi: {card}. Artık abonelik ve ödeme talimatı formlarında sunuluyor.</translation>
    </message>
    <message>
        <source>Stopped waiting. The card will still be offered once the gateway says it is saved.</source>
        <translation>Bekleme bırakıldı. Ödeme geçidi kartın kaydedildiğini bildirdiğinde kart yine de sunulacak.</translation>
    </message>
    <message>
        <source>The gateway has no saved card with this ID: choose a saved card, or register the owner and let them save one.</source>
        <translation>Ödeme geçidinde bu kimlikle kayıtlı bir kart yok: kayıtlı bir kart seçin veya kart sahibini kaydedip kartını kaydetmesini sağlayın.</translation>
    </message>
    <message>
        <source>This card was saved by another card owner: choose one of this owner&apos;s cards.</source>
        <translation>Bu kart başka bir kart sahibi tarafından kaydedildi: bu kart sahibinin kartlarından birini seçin.</translation>
    </message>
    <message>
        <source>Enter the number in international form, starting with + and the country code (e.g. +905551234567).</source>
        <translation>Numarayı + ve ülke koduyla başlayan uluslararası biçimde girin (ör. +905551234567).</translation>
    </message>
    <message>
        <source>This is not a phone number. Use the form +905551234567.</source>
        <translation>Bu bir telefon numarası değil. +905551234567 biçimini kullanın.</translation>
    </message>
    <message>
        <source>No such phone number in that country: check the digits.</source>
        <translation>O ülkede böyle bir telefon numarası yok: rakamları kontrol edin.</translation>
    </message>
    <message>
        <source>Enter the ID as a UUID (32 hex digits in groups 8-4-4-4-12).</source>
        <translation>Numarayı UUID olarak girin (8-4-4-4-12 gruplarında 32 onaltılık rakam).</translation>
    </message>
    <message>
        <source>Enter an email address such as jane@example.com.</source>
        <translation>ayse@example.com gibi bir e-posta adresi girin.</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Zorunlu.</translation>
    </message>
    <message>
        <source>At most {limit}.</source>
        <translation>En fazla {limit}.</translation>
    </message>
    <message>
        <source>At most {count} characters.</source>
        <translation>En fazla {count} karakter.</translation>
    </message>
    <message>
        <source>At least {limit}.</source>
        <translation>En az {limit}.</translation>
    </message>
    <message>
        <source>Payment API: reachable, API key and secret accepted.</source>
        <translation>Ödeme API&apos;si: ulaşılabilir, API anahtarı ve gizli anahtar kabul edildi.</translation>
    </message>
    <message>
        <source>Payment API: reachable, but the API key or secret was refused.</source>
        <translation>Ödeme API&apos;si: ulaşılabilir, ama API anahtarı ya da gizli anahtar reddedildi.</translation>
    </message>
    <message>
        <source>Payment API: {why}</source>
        <translation>Ödeme API&apos;si: {why}</translation>
    </message>
    <message>
        <source>Payment API: reachable, signed requests accepted (the secret was not sent).</source>
        <translation>Ödeme API&apos;si: ulaşılabilir, imzalı istekler kabul edildi (gizli anahtar gönderilmedi).</translation>
    </message>
    <message>
        <source>Payment API: reachable, but it refused the signed requests.</source>
        <translation>Ödeme API&apos;si: ulaşılabilir, ama imzalı istekleri reddetti.</translation>
    </message>
    <message>
        <source>Subscriptions API: reachable, but the Bearer token was refused.</source>
        <translation>Abonelik API&apos;si: ulaşılabilir, ama Bearer belirteci reddedildi.</translation>
    </message>
    <message>
        <source>Subscriptions API: {why}</source>
        <translation>Abonelik API&apos;si: {why}</translation>
    </message>
    <message>
        <source>Subscriptions API: reachable, Bearer token accepted.</source>
        <translation>Abonelik API&apos;si: ulaşılabilir, Bearer belirteci kabul edildi.</translation>
    </message>
    <message>
        <source>This computer has no password store (keyring), so the API credentials cannot be saved securely. Credentials can be kept for this session only: you will need to enter them again the next time the terminal starts.</source>
        <translation>Bu bilgisayarda parola deposu (keyring) yok, bu yüzden API kimlik bilgileri güvenle kaydedilemez. Kimlik bilgileri yalnızca bu oturum için tutulabilir: terminal bir sonraki açılışında bunları yeniden girmeniz gerekir.</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}. No file was written.</source>
        <translation>{path} yazılamadı: {reason}. Hiçbir dosya yazılmadı.</translation>
    </message>
    <message>
        <source>The journal could not be read for the export ({reason}). No file was written.</source>
        <translation>Dışa aktarma için işlem günlüğü okunamadı ({reason}). Hiçbir dosya yazılmadı.</translation>
    </message>
    <message>
        <source>The export stopped before it finished (exit status {status}). No file was written; the details are in the log.</source>
        <translation>Dışa aktarma bitmeden durdu (çıkış kodu {status}). Hiçbir dosya yazılmadı; ayrıntılar log dosyasında.</translation>
    </message>
    <message>
        <source>sale</source>
        <translation>satış</translation>
    </message>
    <message>
        <source>3-D Secure sale</source>
        <translation>3-D Secure satış</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>bekliyor</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>onaylandı</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>reddedildi</translation>
    </message>
    <message>
        <source>error — not charged</source>
        <translation>hata — çekilmedi</translation>
    </message>
    <message>
        <source>outcome unknown</source>
        <translation>sonuç bilinmiyor</translation>
    </message>
    <message>
        <source>needs 3-D Secure</source>
        <translation>3-D Secure gerekiyor</translation>
    </message>
    <message>
        <source>waiting for customer</source>
        <translation>müşteri bekleniyor</translation>
    </message>
    <message>
        <source>not charged</source>
        <translation>çekim yapılmadı</translation>
    </message>
    <message>
        <source>shop database: {count} records waiting</source>
        <translation>mağaza veritabanı: bekleyen {count} kayıt</translation>
    </message>
    <message>
        <source>shop database: up to date</source>
        <translation>mağaza veritabanı: güncel</translation>
    </message>
    <message>
        <source>The shop database cannot be reached. Sales go on; this till&apos;s records are sent when it is back.</source>
        <translation>Mağaza veritabanına ulaşılamıyor. Satışlar sürüyor; bu kasanın kayıtları veritabanı geri geldiğinde gönderilir.</translation>
    </message>
    <message>
        <source>Another till already uses the name “{till}” in the shop database. Choose another till name in Settings.</source>
        <translation>Mağaza veritabanında “{till}” adını başka bir kasa kullanıyor. Ayarlar&apos;dan başka bir kasa adı seçin.</translation>
    </message>
    <message>
        <source>The shop database was upgraded by a newer terminal (schema {version}). Update this terminal.</source>
        <translation>Mağaza veritabanı daha yeni bir terminal tarafından yükseltildi (şema {version}). Bu terminali güncelleyin.</translation>
    </message>
    <message>
        <source>The shop database&apos;s copy of till {till}&apos;s audit trail does not match this till&apos;s. Nothing more is sent until a manager looks into it.</source>
        <translation>Mağaza veritabanındaki {till} kasasının denetim kaydı kopyası bu kasadakiyle uyuşmuyor. Bir yönetici inceleyene kadar başka bir şey gönderilmez.</translation>
    </message>
    <message>
        <source>Refunded {amount} of order {order_id}, a payment made at till {till}.</source>
        <translation>{till} kasasında yapılan {order_id} siparişinin {amount} tutarı iade edildi.</translation>
    </message>
    <message>
        <source>Tills not heard from in the last {minutes} minutes: {tills}. Their latest records may be missing from this report.</source>
        <translation>Son {minutes} dakikadır haber alınamayan kasalar: {tills}. Son kayıtları bu raporda eksik olabilir.</translation>
    </message>
    <message>
        <source>Tills with records not yet in the shop database: {tills}. This report does not include them.</source>
        <translation>Kayıtları henüz mağaza veritabanına ulaşmamış kasalar: {tills}. Bu rapor onları içermiyor.</translation>
    </message>
    <message>
        <source>The shop database answered: PostgreSQL {version}, database “{database}”, user “{user}”.</source>
        <translation>Mağaza veritabanı yanıt verdi: PostgreSQL {version}, veritabanı “{database}”, kullanıcı “{user}”.</translation>
    </message>
    <message>
        <source>The shop database refused the user “{user}” or the password. Check both.</source>
        <translation>Mağaza veritabanı “{user}” kullanıcısını ya da parolayı reddetti. İkisini de kontrol edin.</translation>
    </message>
    <message>
        <source>The shop database server has no database named “{database}”.</source>
        <translation>Mağaza veritabanı sunucusunda “{database}” adlı bir veritabanı yok.</translation>
    </message>
    <message>
        <source>The shop database server does not offer TLS, which a database on another computer needs.</source>
        <translation>Mağaza veritabanı sunucusu TLS sunmuyor; başka bir bilgisayardaki veritabanı için TLS gereklidir.</translation>
    </message>
    <message>
        <source>Nothing answered at {host}, port {port}. Check the host, the port and the network.</source>
        <translation>{host}, port {port} adresinden yanıt gelmedi. Sunucuyu, portu ve ağı kontrol edin.</translation>
    </message>
    <message>
        <source>The shop database did not accept the connection: {reason}</source>
        <translation>Mağaza veritabanı bağlantıyı kabul etmedi: {reason}</translation>
    </message>
</context>
<context>
    <name>Operators</name>
    <message>
        <source>cashier</source>
        <translation>kasiyer</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>yönetici</translation>
    </message>
    <message>
        <source>Nobody signed in</source>
        <translation>Oturum açan yok</translation>
    </message>
    <message>
        <source>training</source>
        <translation>eğitim</translation>
    </message>
    <message>
        <source>Signed in: {name} ({role})</source>
        <translation>Oturum açan: {name} ({role})</translation>
    </message>
</context>
<context>
    <name>OperatorsDialog</name>
    <message>
        <source>Operators</source>
        <translation>Operatörler</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Ad</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Durum</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Devre dışı bırak</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Rolü değiştir</translation>
    </message>
    <message>
        <source>Reset PIN…</source>
        <translation>PIN&apos;i sıfırla…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Kilidi aç</translation>
    </message>
    <message>
        <source>New operator&apos;s name</source>
        <translation>Yeni operatörün adı</translation>
    </message>
    <message>
        <source>New operator&apos;s role</source>
        <translation>Yeni operatörün rolü</translation>
    </message>
    <message>
        <source>New operator&apos;s PIN</source>
        <translation>Yeni operatörün PIN&apos;i</translation>
    </message>
    <message>
        <source>cashiers 4+, managers 6+ digits</source>
        <translation>kasiyer 4+, yönetici 6+ hane</translation>
    </message>
    <message>
        <source>Add operator</source>
        <translation>Operatörü ekle</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Ad:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rol:</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>&amp;PIN:</translation>
    </message>
    <message>
        <source>Operators problem</source>
        <translation>Operatör sorunu</translation>
    </message>
    <message>
        <source>Add an operator</source>
        <translation>Operatör ekle</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>devre dışı</translation>
    </message>
    <message>
        <source>locked out ({minutes} min left)</source>
        <translation>kilitli ({minutes} dk kaldı)</translation>
    </message>
    <message>
        <source>active</source>
        <translation>etkin</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Etkinleştir</translation>
    </message>
    <message>
        <source>Reset PIN</source>
        <translation>PIN&apos;i sıfırla</translation>
    </message>
    <message>
        <source>New PIN for {name}:</source>
        <translation>{name} için yeni PIN:</translation>
    </message>
</context>
<context>
    <name>OwnerDialog</name>
    <message>
        <source>Register card owner</source>
        <translation>Kart sahibini kaydet</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Kaydet</translation>
    </message>
    <message>
        <source>Phone:</source>
        <extracomment>The owner&apos;s card was saved (the :class:`SavedCard`).</extracomment>
        <translation>Telefon:</translation>
    </message>
    <message>
        <source>+905551234567 or 0555 123 45 67</source>
        <translation>+905551234567 ya da 0555 123 45 67</translation>
    </message>
    <message>
        <source>Card save status</source>
        <extracomment>The card saved for this owner, once the webhook told it.</extracomment>
        <translation>Kart kaydetme durumu</translation>
    </message>
    <message>
        <source>Link to save the card</source>
        <translation>Kartı kaydetme bağlantısı</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Bağlantıyı kopyala</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Tarayıcıda aç</translation>
    </message>
    <message>
        <source>QR code of the link to save the card</source>
        <translation>Kartı kaydetme bağlantısının QR kodu</translation>
    </message>
    <message>
        <source>Stop waiting</source>
        <translation>Beklemeyi bırak</translation>
    </message>
    <message>
        <source>No browser could be opened. Copy the link instead.</source>
        <translation>Tarayıcı açılamadı. Bunun yerine bağlantıyı kopyalayın.</translation>
    </message>
    <message>
        <source>The card owner is registered. Their card can now be saved for subscriptions and payment orders.</source>
        <translation>Kart sahibi kaydedildi. Kartı artık abonelikler ve ödeme talimatları için saklanabilir.</translation>
    </message>
    <message>
        <source>Card owner ID: {owner_id}</source>
        <translation>Kart sahibi no: {owner_id}</translation>
    </message>
</context>
<context>
    <name>PaymentOrderDialog</name>
    <message>
        <source>New payment order</source>
        <translation>Yeni ödeme talimatı</translation>
    </message>
    <message>
        <source>Create order</source>
        <translation>Talimatı oluştur</translation>
    </message>
    <message>
        <source>Reference:</source>
        <translation>Referans:</translation>
    </message>
    <message>
        <source>e.g. ORDER-2026-001</source>
        <translation>ör. ORDER-2026-001</translation>
    </message>
    <message>
        <source>Pay on (local time):</source>
        <translation>Ödeme zamanı (yerel saat):</translation>
    </message>
    <message>
        <source>Explanation:</source>
        <translation>Açıklama:</translation>
    </message>
    <message>
        <source>optional, shown on the statement</source>
        <translation>isteğe bağlı, hesap özetinde görünür</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>Kanal:</translation>
    </message>
    <message>
        <source>optional, e.g. web</source>
        <translation>isteğe bağlı, ör. web</translation>
    </message>
    <message>
        <source>Payment system ID:</source>
        <translation>Ödeme sistemi numarası:</translation>
    </message>
    <message>
        <source>optional UUID</source>
        <translation>isteğe bağlı UUID</translation>
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
        <extracomment>A pre-authorization or capture ended (any state) and the tab is ready for the next action; the journal already holds it. Carries the :class:`PaymentOutcome`. The terminal&apos;s receipt printer (the composition root&apos;s); None: one on the settings file when asked. The journal id of the pre-authorization whose amount is in the capture field.</extracomment>
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
        <source>Do not capture</source>
        <translation>Tahsil etme</translation>
    </message>
    <message>
        <source>Capture {amount}?</source>
        <translation>{amount} tahsil edilsin mi?</translation>
    </message>
    <message>
        <source>Capture {amount} of {held}? {released} will be released.</source>
        <translation>{held} tutarın {amount} kadarı tahsil edilsin mi? {released} serbest bırakılacak.</translation>
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
    <name>ProductionConfirm</name>
    <message>
        <source>Start in production?</source>
        <translation>Canlı ortamda başlatılsın mı?</translation>
    </message>
    <message>
        <source>The terminal was started with --environment production. In PRODUCTION every approved payment charges a real card.

Switch this terminal to production?</source>
        <translation>Terminal --environment production ile başlatıldı. CANLI ortamda onaylanan her ödeme gerçek bir karttan çekilir.

Bu terminal canlı ortama geçirilsin mi?</translation>
    </message>
    <message>
        <source>Switch to production</source>
        <translation>Canlı ortama geç</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>İptal</translation>
    </message>
</context>
<context>
    <name>QrCodeWidget</name>
    <message>
        <source>The QR code of the link appears here</source>
        <extracomment>The smallest side of the code in pixels.</extracomment>
        <translation>Bağlantının QR kodu burada görünür</translation>
    </message>
    <message>
        <source>QR code of the payment link</source>
        <translation>Ödeme bağlantısının QR kodu</translation>
    </message>
    <message>
        <source>QR code of {address}</source>
        <translation>{address} adresinin QR kodu</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <source>TRAINING — NOT A REAL PAYMENT</source>
        <translation>EĞİTİM — GERÇEK ÖDEME DEĞİLDİR</translation>
    </message>
    <message>
        <source>80 mm receipt</source>
        <extracomment>Each paper as the preview&apos;s choice names it.</extracomment>
        <translation>80 mm fiş</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Date</source>
        <extracomment>The shortest roll receipt (a short receipt still tears off cleanly). Text size (pt) of the body, the merchant, the amount, the result and the training banner on each paper. QTextDocument lays out in logical pixels at this resolution. The result line&apos;s colour: the theme&apos;s text shade for paper (a light background in any theme).</extracomment>
        <translation>Tarih</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>İşlem</translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation>Sipariş no</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Kart</translation>
    </message>
    <message>
        <source>Card holder</source>
        <translation>Kart sahibi</translation>
    </message>
    <message>
        <source>Installments</source>
        <translation>Taksitler</translation>
    </message>
    <message>
        <source>Auth code</source>
        <translation>Onay kodu</translation>
    </message>
    <message>
        <source>Payment ID</source>
        <translation>Ödeme no</translation>
    </message>
    <message>
        <source>No answer from the gateway. Check this payment before charging again.</source>
        <translation>Ödeme geçidinden yanıt yok. Yeniden çekim yapmadan önce bu ödemeyi kontrol edin.</translation>
    </message>
    <message>
        <source>Klogs merchant</source>
        <translation>Klogs üye işyeri</translation>
    </message>
    <message>
        <source>Resolved: {resolution}</source>
        <translation>Netleştirildi: {resolution}</translation>
    </message>
    <message>
        <source>Receipt {order_id}</source>
        <translation>Fiş {order_id}</translation>
    </message>
    <message>
        <source>Receipt preview</source>
        <translation>Fiş önizlemesi</translation>
    </message>
    <message>
        <source>Where the receipt was saved</source>
        <translation>Fişin kaydedildiği yer</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>Kağıt:</translation>
    </message>
    <message>
        <source>Receipt paper</source>
        <translation>Fiş kağıdı</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>PDF olarak kaydet</translation>
    </message>
    <message>
        <source>Save this receipt as a PDF file</source>
        <translation>Bu fişi PDF dosyası olarak kaydet</translation>
    </message>
    <message>
        <source>Save receipt PDF</source>
        <translation>Fişi PDF olarak kaydet</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF dosyaları (*.pdf)</translation>
    </message>
    <message>
        <source>Could not save the receipt: {reason}.</source>
        <translation>Fiş kaydedilemedi: {reason}.</translation>
    </message>
    <message>
        <source>Receipt saved to {path}</source>
        <translation>Fiş {path} konumuna kaydedildi</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>Fişi yazdır</translation>
    </message>
</context>
<context>
    <name>RecordOutcomeDialog</name>
    <message>
        <source>Approved — the money was taken</source>
        <translation>Onaylandı — para çekildi</translation>
    </message>
    <message>
        <source>Declined — the card was not charged</source>
        <translation>Reddedildi — karttan çekim yapılmadı</translation>
    </message>
    <message>
        <source>Not charged — the gateway never received it</source>
        <translation>Çekilmedi — ödeme geçidine hiç ulaşmadı</translation>
    </message>
    <message>
        <source>Record verified outcome</source>
        <translation>Doğrulanan sonucu kaydet</translation>
    </message>
    <message>
        <source>{kind} {order_id} of {amount} has no known outcome. Record what you verified, and how.</source>
        <translation>{amount} tutarındaki {kind} {order_id} işleminin sonucu bilinmiyor. Neyi ve nasıl doğruladığınızı kaydedin.</translation>
    </message>
    <message>
        <source>Verified outcome</source>
        <translation>Doğrulanan sonuç</translation>
    </message>
    <message>
        <source>How the outcome was verified</source>
        <translation>Sonucun nasıl doğrulandığı</translation>
    </message>
    <message>
        <source>e.g. Checked in the bank portal with Ayşe (support), 14:05</source>
        <translation>ör. Banka portalında Ayşe (destek) ile kontrol edildi, 14:05</translation>
    </message>
    <message>
        <source>Verified outcome problem</source>
        <translation>Doğrulanan sonuç sorunu</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Kaydet</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Sonuç</translation>
    </message>
    <message>
        <source>How verified</source>
        <translation>Nasıl doğrulandı</translation>
    </message>
    <message>
        <source>Say how you verified it (who, where, when).</source>
        <translation>Nasıl doğruladığınızı yazın (kim, nerede, ne zaman).</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Refund {order_id}</source>
        <translation>{order_id} iadesi</translation>
    </message>
    <message>
        <source>Paid {amount} with {card}.
Up to {left} can still be refunded.</source>
        <translation>{card} ile {amount} ödendi.
En çok {left} daha iade edilebilir.</translation>
    </message>
    <message>
        <source>the card</source>
        <translation>kart</translation>
    </message>
    <message>
        <source>Refundable balance</source>
        <translation>İade edilebilir bakiye</translation>
    </message>
    <message>
        <source>Refund amount in {currency}</source>
        <translation>{currency} cinsinden iade tutarı</translation>
    </message>
    <message>
        <source>Full balance</source>
        <translation>Tüm bakiye</translation>
    </message>
    <message>
        <source>Refund the full remaining balance</source>
        <translation>Kalan bakiyenin tamamını iade et</translation>
    </message>
    <message>
        <source>Refund amount problem</source>
        <translation>İade tutarı sorunu</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>İade</translation>
    </message>
    <message>
        <source>Amount ({currency})</source>
        <translation>Tutar ({currency})</translation>
    </message>
</context>
<context>
    <name>RemoteView</name>
    <message>
        <source>The bank&apos;s page is open in a window of its own.</source>
        <extracomment>A challenge waits this long for a browser that is starting (0.2-0.4 s on an idle two-core till, up to ~2.5 s with two busy programs beside it: bench_three_ds.py); the Sale tab says it is waiting. At quit, the child is given this long to end by itself before it is killed (it ends in well under 100 ms; the wait holds the quitting terminal&apos;s window). Every event line of the child, as a dict (pages pick theirs by number). The child ended (or could not start); open pages report it. True once the child said ``ready`` (and until it ends). Children started so far (a test reads it: a dead child is replaced, a live one reused). A warm-up waits until nobody pressed a key or clicked for this long... ...but not longer than this after :func:`warm_up` was called. Key presses, clicks, wheel turns and touches seen (tests read it). The page was given up from its side: Escape pressed in it, or its window of its own closed. The page&apos;s view has a native window (its id): :class:`RemoteView` shows it. Tab (``True``) or Shift+Tab (``False``) moved past the page&apos;s last (first) element: the keyboard goes back to the dialog (embedded only). ``renderProcessTerminated``&apos;s status when the page could not be opened at all: no browser process (it could not be started, or did not become ready within :data:`READY_PATIENCE_S`). ``renderProcessTerminated``&apos;s status when the browser process ended while the page was open. ``(url, path)`` of each download refused (the path was never written).</extracomment>
        <translation>Banka sayfası kendi penceresinde açık.</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Approved sales</source>
        <translation>Onaylanan satışlar</translation>
    </message>
    <message>
        <source>Captures</source>
        <translation>Tahsilatlar</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>İadeler</translation>
    </message>
    <message>
        <source>Voids</source>
        <translation>İptaller</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Reddedilenler</translation>
    </message>
    <message>
        <source>Open pre-authorizations</source>
        <translation>Açık ön provizyonlar</translation>
    </message>
    <message>
        <source>Takings kept (after refunds and voids)</source>
        <translation>Kalan hasılat (iade ve iptallerden sonra)</translation>
    </message>
    <message>
        <source>Shift report — {operator}</source>
        <translation>Vardiya raporu — {operator}</translation>
    </message>
    <message>
        <source>Day report</source>
        <translation>Gün raporu</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Adet</translation>
    </message>
    <message>
        <source>Sales and captures by hour</source>
        <translation>Saate göre satışlar ve tahsilatlar</translation>
    </message>
    <message>
        <source>From {start} to {end}</source>
        <translation>{start} – {end}</translation>
    </message>
    <message>
        <source>Closed {when} by {who} (close no. {number})</source>
        <translation>{when} tarihinde {who} tarafından kapatıldı (kapanış no. {number})</translation>
    </message>
    <message>
        <source>Payments without a known outcome: {count}. Check them in the Journal before charging those customers again.</source>
        <translation>Sonucu bilinmeyen ödemeler: {count}. Bu müşterilerden yeniden ödeme almadan önce İşlem günlüğünde kontrol edin.</translation>
    </message>
    <message>
        <source>By card brand (sales and captures)</source>
        <translation>Kart markasına göre (satışlar ve tahsilatlar)</translation>
    </message>
    <message>
        <source>By operator (sales and captures)</source>
        <translation>Operatöre göre (satışlar ve tahsilatlar)</translation>
    </message>
    <message>
        <source>By kind (approved)</source>
        <translation>Türe göre (onaylananlar)</translation>
    </message>
    <message>
        <source>No sales in this period.</source>
        <translation>Bu dönemde satış yok.</translation>
    </message>
    <message>
        <source>Highest hour: {amount}</source>
        <translation>En yüksek saat: {amount}</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Report figures</source>
        <translation>Rapor rakamları</translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation>Vardiyayı kapat</translation>
    </message>
    <message>
        <source>Close day with a manager&apos;s PIN…</source>
        <translation>Günü yönetici PIN&apos;iyle kapat…</translation>
    </message>
    <message>
        <source>Close day</source>
        <translation>Günü kapat</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Yazdır…</translation>
    </message>
    <message>
        <source>Print the report</source>
        <translation>Raporu yazdır</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>PDF olarak kaydet</translation>
    </message>
    <message>
        <source>Save the report as a PDF file</source>
        <translation>Raporu PDF dosyası olarak kaydet</translation>
    </message>
    <message>
        <source>Sales and captures by hour</source>
        <translation>Saate göre satışlar ve tahsilatlar</translation>
    </message>
    <message>
        <source>Payments without an outcome</source>
        <translation>Sonucu bilinmeyen ödemeler</translation>
    </message>
    <message>
        <source>{count} payment(s) of this period have no known outcome; a card may have been charged. Check them in the Journal first.

Close anyway? They stay listed in the report.</source>
        <translation>Bu dönemin {count} ödemesinin sonucu bilinmiyor; bir karttan çekim yapılmış olabilir. Önce İşlem günlüğünde kontrol edin.

Yine de kapatılsın mı? Bu ödemeler raporda listelenmeye devam eder.</translation>
    </message>
    <message>
        <source>Closed. The report is kept and can be reopened from File ▸ Closed reports…</source>
        <translation>Kapatıldı. Rapor saklandı; Dosya ▸ Kapatılmış raporlar… menüsünden yeniden açılabilir.</translation>
    </message>
    <message>
        <source>Could not save the report: {reason}.</source>
        <translation>Rapor kaydedilemedi: {reason}.</translation>
    </message>
    <message>
        <source>Report saved to {path}</source>
        <translation>Rapor {path} konumuna kaydedildi</translation>
    </message>
    <message>
        <source>Close the day: the day&apos;s report is kept as it is now, and the close is recorded with both names.</source>
        <translation>Günü kapat: günün raporu şu anki hâliyle saklanır ve kapanış iki adla birlikte kaydedilir.</translation>
    </message>
    <message>
        <source>Print report</source>
        <translation>Raporu yazdır</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <source>Send</source>
        <extracomment>A saved card was chosen from the list (the :class:`SavedCard`). The gateway accepted the request; carries its :class:`OperationResult`. Window title and Send button text, marked with QT_TRANSLATE_NOOP in each subclass and translated here.</extracomment>
        <translation>Gönder</translation>
    </message>
    <message>
        <source>Card owner:</source>
        <extracomment>Requests actually handed to ``send`` (tests check nothing is sent for bad input). The shop&apos;s country: local phone numbers are read as its numbers (see :meth:`set_phone_region`).</extracomment>
        <translation>Kart sahibi:</translation>
    </message>
    <message>
        <source>Full name on the card</source>
        <translation>Kart üzerindeki ad soyad</translation>
    </message>
    <message>
        <source>Owner phone:</source>
        <translation>Kart sahibinin telefonu:</translation>
    </message>
    <message>
        <source>+905551234567 or 0555 123 45 67</source>
        <translation>+905551234567 ya da 0555 123 45 67</translation>
    </message>
    <message>
        <source>Owner email:</source>
        <translation>Kart sahibinin e-postası:</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>isteğe bağlı</translation>
    </message>
    <message>
        <source>choose a saved card or type its ID</source>
        <translation>kayıtlı bir kart seçin veya kimliğini yazın</translation>
    </message>
    <message>
        <source>A card the owner saved at the gateway, or the UUID of a stored card</source>
        <translation>Sahibinin ödeme geçidinde kaydettiği bir kart veya kayıtlı bir kartın UUID&apos;si</translation>
    </message>
    <message>
        <source>Saved card:</source>
        <translation>Kayıtlı kart:</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>Tutar:</translation>
    </message>
    <message>
        <source>e.g. {amount}</source>
        <translation>örn. {amount}</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>Para birimi:</translation>
    </message>
    <message>
        <source>Check the fields above.</source>
        <translation>Yukarıdaki alanları kontrol edin.</translation>
    </message>
    <message>
        <source>The gateway did not accept the request: {reason}.</source>
        <translation>Ödeme geçidi isteği kabul etmedi: {reason}.</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>neden belirtilmedi</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Kapat</translation>
    </message>
    <message>
        <source>Search the subscriptions for this reference before creating it again.</source>
        <translation>Yeniden oluşturmadan önce aboneliklerde bu referansı arayın.</translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <source>APPROVED</source>
        <extracomment>Headline per state, translated when shown (context ``ResultPanel``).</extracomment>
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
        <source>Base amount</source>
        <translation>Ana tutar</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>Faiz</translation>
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
        <source>Result</source>
        <translation>Sonuç</translation>
    </message>
    <message>
        <source>Receipt…</source>
        <extracomment>English title -&gt; (title label, value label, row); all rows built here, hidden until used.</extracomment>
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
        <extracomment>(headline, background, text colour) per state; the colours are the theme&apos;s for that status. Every detail row, in the order shown; rows are keyed by these English titles (see :meth:`ResultPanel.detail`).</extracomment>
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
        <extracomment>How long a payment&apos;s &quot;sending&quot; state (read-only fields, disabled Pay, progress) may wait to be painted. Its state applies at the click; only the painting waits, so a gateway answering within this time is painted once, as the result. Painting &quot;sending&quot; first costs about 2 ms of the UI thread before the request can even leave (Qt paints before the next asyncio step) for a frame shown for less than one display refresh; 100 ms is still within what a cashier perceives as instant feedback. A payment ended (any state); the journal already holds it. The cashier chose 3-D Secure for an ENROLLED card: the :class:`CardOrder` to send through /api/3ds. The terminal&apos;s receipt printer, asked for when a receipt is opened (the composition root builds it then: its modules cost the first frame ~80 ms); None: one on the settings file when asked. The 3-D Secure sales of this tab (``None``: no 3-D Secure path, no switch, no installments). An ENROLLED answer&apos;s order, to go on through 3-D Secure as soon as its flight has ended. The in-flight look (see _show_busy) is on; and whether it put up a busy cursor of its own. The gateway is not there yet (_until_gateway_starts): Pay says &quot;Connecting…&quot;, not &quot;Sending…&quot;. The banner of a card sale in flight, put in the result panel only when the sending state is painted.</extracomment>
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
        <source>Connecting…</source>
        <translation>Bağlanıyor…</translation>
    </message>
    <message>
        <source>Connecting to the training gateway — please wait</source>
        <translation>Eğitim ağ geçidine bağlanılıyor — lütfen bekleyin</translation>
    </message>
    <message>
        <source>Connecting to the gateway — please wait</source>
        <translation>Ağ geçidine bağlanılıyor — lütfen bekleyin</translation>
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
        <source>No answer yet… {seconds} s</source>
        <translation>Henüz yanıt yok… {seconds} sn</translation>
    </message>
    <message>
        <source>No answer yet… {seconds} s; at {timeout} s it will be checked with the gateway</source>
        <translation>Henüz yanıt yok… {seconds} sn; {timeout}. saniyede ödeme sistemine sorulacak</translation>
    </message>
    <message>
        <source>No answer yet… {seconds} s; it is being checked with the gateway</source>
        <translation>Henüz yanıt yok… {seconds} sn; ödeme sistemine soruluyor</translation>
    </message>
    <message>
        <source>Pay {amount}</source>
        <translation>Öde {amount}</translation>
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
    <name>ScheduleFieldsMixin</name>
    <message>
        <source>(unchanged)</source>
        <translation>(değişmedi)</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Günlük</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Aylık</translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation>Yıllık</translation>
    </message>
    <message>
        <source>Frequency:</source>
        <translation>Sıklık:</translation>
    </message>
    <message>
        <source>Every (1-30):</source>
        <translation>Aralık (1-30):</translation>
    </message>
    <message>
        <source>Day of month (1-30):</source>
        <translation>Ayın günü (1-30):</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>Ay:</translation>
    </message>
    <message>
        <source> day</source>
        <translation> gün</translation>
    </message>
    <message>
        <source> days</source>
        <translation> gün</translation>
    </message>
    <message>
        <source> month</source>
        <translation> ay</translation>
    </message>
    <message>
        <source> months</source>
        <translation> ay</translation>
    </message>
    <message>
        <source> year</source>
        <translation> yıl</translation>
    </message>
    <message>
        <source> years</source>
        <translation> yıl</translation>
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
        <source>API key and secret headers (as documented)</source>
        <extracomment>The payment API&apos;s authentication modes as Settings shows them (translated when shown), by mode.</extracomment>
        <translation>API anahtarı ve gizli anahtar başlıkları (belgelendiği gibi)</translation>
    </message>
    <message>
        <source>Signed requests (as Klogs&apos; client libraries)</source>
        <translation>İmzalı istekler (Klogs istemci kütüphaneleri gibi)</translation>
    </message>
    <message>
        <source>Settings</source>
        <extracomment>How the payment API is authenticated (saved for every environment shown, like the URLs).</extracomment>
        <translation>Ayarlar</translation>
    </message>
    <message>
        <source>Environment</source>
        <extracomment>Who may switch environments and who is named in the audit trail (None: a tool, no staff).</extracomment>
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
        <source>Authentication of the payment API</source>
        <translation>Ödeme API&apos;sinin kimlik doğrulaması</translation>
    </message>
    <message>
        <source>Signed requests send a signature made with the API secret instead of the secret itself.</source>
        <translation>İmzalı istekler gizli anahtarın kendisi yerine onunla oluşturulan bir imza gönderir.</translation>
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
        <source>Au&amp;thentication:</source>
        <translation>Kimlik &amp;doğrulama:</translation>
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
        <source>Shop database host</source>
        <translation>Mağaza veritabanı sunucusu</translation>
    </message>
    <message>
        <source>empty: this till alone</source>
        <translation>boş: yalnızca bu kasa</translation>
    </message>
    <message>
        <source>Shop database port</source>
        <translation>Mağaza veritabanı portu</translation>
    </message>
    <message>
        <source>Shop database name</source>
        <translation>Mağaza veritabanı adı</translation>
    </message>
    <message>
        <source>Shop database user</source>
        <translation>Mağaza veritabanı kullanıcısı</translation>
    </message>
    <message>
        <source>Shop database password</source>
        <translation>Mağaza veritabanı parolası</translation>
    </message>
    <message>
        <source>Till name</source>
        <translation>Kasa adı</translation>
    </message>
    <message>
        <source>A database on another computer is reached over TLS only. Changes apply from the next start of the terminal.</source>
        <translation>Başka bir bilgisayardaki veritabanına yalnızca TLS ile bağlanılır. Değişiklikler terminalin bir sonraki açılışında geçerli olur.</translation>
    </message>
    <message>
        <source>Save, then restart the terminal: the new shop database settings are used from the next start.</source>
        <extracomment>Shown once a shop field differs from what is saved: the pusher and the all-tills view are set up at start, so nothing changes until the terminal starts again (see the module docstring).</extracomment>
        <translation>Kaydedin, ardından terminali yeniden başlatın: yeni mağaza veritabanı ayarları bir sonraki başlatmada kullanılır.</translation>
    </message>
    <message>
        <source>Test the shop database connection</source>
        <translation>Mağaza veritabanı bağlantısını sına</translation>
    </message>
    <message>
        <source>Shop database test result</source>
        <translation>Mağaza veritabanı sınama sonucu</translation>
    </message>
    <message>
        <source>Shop database</source>
        <translation>Mağaza veritabanı</translation>
    </message>
    <message>
        <source>Ho&amp;st:</source>
        <translation>&amp;Sunucu:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Veritabanı:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Kullanıcı:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pa&amp;rola:</translation>
    </message>
    <message>
        <source>&amp;Till name:</source>
        <translation>&amp;Kasa adı:</translation>
    </message>
    <message>
        <source>Only a manager signed in with their own name and PIN can change the shop database.</source>
        <translation>Mağaza veritabanını yalnızca kendi adı ve PIN&apos;iyle oturum açmış bir yönetici değiştirebilir.</translation>
    </message>
    <message>
        <source>Type the host, the database and the user first.</source>
        <translation>Önce sunucuyu, veritabanını ve kullanıcıyı yazın.</translation>
    </message>
    <message>
        <source>Connecting to the shop database…</source>
        <translation>Mağaza veritabanına bağlanılıyor…</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>değişmedi</translation>
    </message>
    <message>
        <source>With a shop database, type its name, the user and this till&apos;s name.</source>
        <translation>Mağaza veritabanı için veritabanı adını, kullanıcıyı ve bu kasanın adını yazın.</translation>
    </message>
    <message>
        <source>Type a till name of 1 to 40 characters.</source>
        <translation>1 ile 40 karakter arasında bir kasa adı yazın.</translation>
    </message>
    <message>
        <source>A manager must sign in</source>
        <translation>Bir yönetici oturum açmalı</translation>
    </message>
    <message>
        <source>Switching to the test or production environment needs a manager signed in with their own name and PIN. In training mode, add a manager in File ▸ Operators… first, then sign in as them. Nothing was changed.</source>
        <translation>Test veya canlı ortama geçmek için bir yöneticinin kendi adı ve PIN&apos;i ile oturum açmış olması gerekir. Eğitim modundaysanız önce Dosya ▸ Operatörler… içinden bir yönetici ekleyin, sonra onunla oturum açın. Hiçbir şey değiştirilmedi.</translation>
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
        <source>blank: the API key</source>
        <translation>boş: API anahtarı</translation>
    </message>
    <message>
        <source>“{url}” is not a web address. Use the form https://host/ or leave it blank for the default.</source>
        <translation>“{url}” bir web adresi değil. https://sunucu/ biçimini kullanın ya da varsayılan için boş bırakın.</translation>
    </message>
    <message>
        <source>“{url}” would send card data and secrets in clear text. Use https://, or plain http:// only to this computer (127.0.0.1 or localhost).</source>
        <translation>“{url}” kart verilerini ve gizli bilgileri şifresiz gönderirdi. https:// kullanın; düz http:// yalnızca bu bilgisayara (127.0.0.1 veya localhost) izinlidir.</translation>
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
        <source>Enter this environment&apos;s API key, API secret and Bearer token first: the gateway needs them to answer.</source>
        <translation>Önce bu ortamın API anahtarını, API gizli anahtarını ve Bearer belirtecini girin: ödeme sistemi yanıt vermek için bunlara ihtiyaç duyar.</translation>
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
    <name>ShopActions</name>
    <message>
        <source>A manager must sign in</source>
        <extracomment>A void or refund of another till&apos;s payment ended (the :class:`TransactionOutcome`).</extracomment>
        <translation>Bir yönetici oturum açmalı</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Onayla</translation>
    </message>
    <message>
        <source>Void order {order_id} of {amount}, made at till {till}? It is sent from this till.</source>
        <translation>{till} kasasında yapılan {amount} tutarındaki {order_id} siparişi iptal edilsin mi? İptal bu kasadan gönderilir.</translation>
    </message>
    <message>
        <source>Nothing was sent</source>
        <translation>Hiçbir şey gönderilmedi</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Tamamlandı</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Yapılmadı</translation>
    </message>
    <message>
        <source>The gateway could not be asked</source>
        <translation>Ödeme geçidine sorulamadı</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>İade</translation>
    </message>
    <message>
        <source>Amount to refund of order {order_id} (till {till}), at most {left}:</source>
        <translation>{order_id} siparişinden ({till} kasası) iade edilecek tutar, en fazla {left}:</translation>
    </message>
</context>
<context>
    <name>ShopJournalModel</name>
    <message>
        <source>Till</source>
        <translation>Kasa</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Saat</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tür</translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation>Sipariş No</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Tutar</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Bakiye</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Durum</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Kart</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Sonuç</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operatör</translation>
    </message>
</context>
<context>
    <name>SubscriptionsModel</name>
    <message>
        <source>Loading…</source>
        <extracomment>Item-data role returning the row&apos;s :class:`RecurringPayment` (``None`` while its page loads). Shown in a row whose page is loading (English; :attr:`SubscriptionsModel.loading_text` is translated).</extracomment>
        <translation>Yükleniyor…</translation>
    </message>
    <message>
        <source>Reference</source>
        <extracomment>``OrderBy`` value of the column, ``None`` where the gateway cannot sort by it.</extracomment>
        <translation>Referans</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Tutar</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Durum</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Sıklık</translation>
    </message>
    <message>
        <source>Next payment</source>
        <translation>Sonraki ödeme</translation>
    </message>
    <message>
        <source>Last payment</source>
        <translation>Son ödeme</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-posta</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Oluşturuldu</translation>
    </message>
    <message>
        <source>Sort by {column}</source>
        <extracomment>Rows of a landed page formatted and repainted per event-loop turn (:meth:`SubscriptionsModel._show_in_chunks`). Rows a paint formats itself in one event-loop turn; the others show &quot;Loading…&quot; a turn or two longer. 2, not 6 (issue 19): a scroll step&apos;s full repaint formatted six rows (~2 ms on a small till) on top of drawing row images and copying a screen; the rest now come with the chunks (:meth:`_next_chunk`). Shared texts kept (:meth:`SubscriptionsModel._shared`). A cached row as :class:`_RowCodec` keeps it: ``(shape number, value, value, ...)``. How :class:`_RowCodec` keeps a field&apos;s value: as it is, a ``UUID`` as its int, a shared object (an enum member) as its number in the codec&apos;s table. Page number that arrived (1-based). The typed client error of a load that failed. The gateway&apos;s total for the current query (after the first page). The first and last rows a view shows (``None``: no view on screen). A landing page&apos;s rows on screen are formatted and shown a few at a time (:meth:`_show_in_chunks`); without it the whole page is shown at once. Rows of landed pages still to be shown (:meth:`_show_in_chunks`), one chunk per timer event. Rows formatted by paints since the chunk timer last fired (:meth:`_texts_for_display`). Awaited before a page&apos;s query is built and sent: the gateway client (and the models the query is made of) come right after the first frame, and the view asks for page 1 before that. A new query was asked for while old rows are on screen: they stay until its page 1 arrives. What a row whose page is loading shows, in the installed language. Number of list requests started (for tests and the benchmark). Texts of values many rows share, by the value: amounts (prices repeat), statuses and schedules (&quot;every month on the 1st&quot;): formatting them was two thirds of a row&apos;s ~160 us. Bounded. Rows of the page cache are kept compact (:class:`_RowCodec`).</extracomment>
        <translation>{column} sütununa göre sırala</translation>
    </message>
    <message>
        <source>The gateway cannot sort by this</source>
        <translation>Ödeme geçidi buna göre sıralayamaz</translation>
    </message>
</context>
<context>
    <name>SubscriptionsTab</name>
    <message>
        <source>Subscriptions error</source>
        <extracomment>Every write asks ``staff`` first (the service holds the rule; the buttons only show it). The cards owners saved (offered in the dialogs); a saved card moves waiting subscriptions on, so the list is asked again when one arrives (no manual refresh). The shop&apos;s country for phone numbers typed the local way (None: the dialogs&apos; default).</extracomment>
        <translation>Abonelik hatası</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Yeniden dene</translation>
    </message>
    <message>
        <source>Search by subscription ID…</source>
        <translation>Abonelik numarasına göre ara…</translation>
    </message>
    <message>
        <source>Search by subscription ID</source>
        <translation>Abonelik numarasına göre ara</translation>
    </message>
    <message>
        <source>New subscription…</source>
        <translation>Yeni abonelik…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Düzenle…</translation>
    </message>
    <message>
        <source>Edit by subscription ID…</source>
        <translation>Abonelik numarasıyla düzenle…</translation>
    </message>
    <message>
        <source>Disable…</source>
        <translation>Devre dışı bırak…</translation>
    </message>
    <message>
        <source>Register card owner…</source>
        <translation>Kart sahibini kaydet…</translation>
    </message>
    <message>
        <source>New payment order…</source>
        <translation>Yeni ödeme talimatı…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Yenile</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <extracomment>A cashier reads subscriptions; only a manager creates, edits, disables, registers owners and orders.</extracomment>
        <translation>Abonelikler</translation>
    </message>
    <message>
        <source>Number of subscriptions</source>
        <translation>Abonelik sayısı</translation>
    </message>
    <message>
        <source>Payment orders created on this terminal</source>
        <translation>Bu terminalde oluşturulan ödeme talimatları</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referans</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Tutar</translation>
    </message>
    <message>
        <source>Pay on</source>
        <translation>Ödeme tarihi</translation>
    </message>
    <message>
        <source>Status when created</source>
        <translation>Oluşturulduğundaki durum</translation>
    </message>
    <message>
        <source>The rows shown are from before the error.</source>
        <translation>Gösterilen satırlar hatadan öncesine ait.</translation>
    </message>
    <message>
        <source>1 subscription</source>
        <translation>1 abonelik</translation>
    </message>
    <message>
        <source>{count} subscriptions</source>
        <translation>{count} abonelik</translation>
    </message>
    <message>
        <source>matching “{text}”</source>
        <translation>“{text}” ile eşleşen</translation>
    </message>
    <message>
        <source>Only a manager may change subscriptions, card owners and payment orders.</source>
        <translation>Abonelikleri, kart sahiplerini ve ödeme emirlerini yalnızca bir yönetici değiştirebilir.</translation>
    </message>
    <message>
        <source>Enable…</source>
        <translation>Etkinleştir…</translation>
    </message>
    <message>
        <source>created (no status reported)</source>
        <translation>oluşturuldu (durum bildirilmedi)</translation>
    </message>
    <message>
        <source>Disable subscription</source>
        <translation>Aboneliği devre dışı bırak</translation>
    </message>
    <message>
        <source>Disable subscription {name}? No payment will be taken until it is enabled again.</source>
        <translation>{name} aboneliği devre dışı bırakılsın mı? Yeniden etkinleştirilene kadar hiçbir ödeme alınmaz.</translation>
    </message>
    <message>
        <source>Enable subscription</source>
        <translation>Aboneliği etkinleştir</translation>
    </message>
    <message>
        <source>Enable subscription {name}? Payments will be taken again on schedule.</source>
        <translation>{name} aboneliği etkinleştirilsin mi? Ödemeler yeniden plana göre alınır.</translation>
    </message>
    <message>
        <source>The subscription was not changed: {reason}</source>
        <translation>Abonelik değiştirilmedi: {reason}</translation>
    </message>
    <message>
        <source>The gateway did not change the subscription: {reason}.</source>
        <translation>Ödeme geçidi aboneliği değiştirmedi: {reason}.</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>neden belirtilmedi</translation>
    </message>
    <message>
        <source>The gateway changed the subscription, but it is not {status}: {meaning}</source>
        <translation>Ödeme geçidi aboneliği değiştirdi ama durumu “{status}” değil: {meaning}</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>The request did not go through</source>
        <extracomment>The error dialog&apos;s title when the caller names none (translated when shown).</extracomment>
        <translation>İstek gerçekleşmedi</translation>
    </message>
</context>
<context>
    <name>TestCardsDialog</name>
    <message>
        <source>Sandbox test cards</source>
        <translation>Sanal ortam test kartları</translation>
    </message>
    <message>
        <source>Training mode only. Use any future expiry date and any 3-digit CVV.</source>
        <translation>Yalnızca eğitim modu. İleri tarihli herhangi bir son kullanma tarihi ve 3 haneli herhangi bir CVV kullanın.</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>Kart numarası</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>Marka</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>Ne olur</translation>
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
        <extracomment>Money moved / the thing is live: approved, paid, an active subscription, the gateway answered. Refused: declined, failed, a gateway error; also field errors. Nobody knows yet and a person must look: outcome unknown, waiting for a subscription&apos;s owner; cautions. In flight or done without money moving now: pending, a finished subscription. Waiting for the card holder: 3-D Secure, a checkout link not paid yet. Nothing happened (or it was undone): not charged, not sent, cancelled, voided, refunded, disabled; hints. Money that moved and came back in part: partly refunded. The border of a field the cashier must correct (``QSS`` fragment, drawn on the field in both themes). Green box: something was done (a subscription created). Red box: something could not be done (the subscriptions list failed to load). Amber box: read this before going on (the training banner, an installment plan&apos;s note). English; shown through ``QCoreApplication.translate(&quot;Theme&quot;, text)``. Production: red, the words say real cards are charged. Test: blue (not the training banner&apos;s amber, not production&apos;s red), the words say no real money moves. Both white bold text, at least 4.5:1.</extracomment>
        <translation>CANLI — gerçek kartlardan çekim yapılır</translation>
    </message>
    <message>
        <source>Live gateway: every approved payment charges a real card.</source>
        <translation>Canlı ödeme sistemi: onaylanan her ödeme gerçek bir karttan çekilir.</translation>
    </message>
    <message>
        <source>TEST environment — no real money</source>
        <translation>TEST ortamı — gerçek para yok</translation>
    </message>
</context>
<context>
    <name>ThreeDsDialog</name>
    <message>
        <source>3-D Secure — customer authentication</source>
        <extracomment>Opening steps (dialog shown, web view shown, page loading) are this far apart: a turn of the event loop each, with input and paint handled in between.</extracomment>
        <translation>3-D Secure — müşteri doğrulaması</translation>
    </message>
    <message>
        <source>3-D Secure customer authentication</source>
        <translation>3-D Secure müşteri doğrulaması</translation>
    </message>
    <message>
        <source>Customer authentication — {amount}</source>
        <translation>Müşteri doğrulaması — {amount}</translation>
    </message>
    <message>
        <source>Card {card}</source>
        <translation>Kart {card}</translation>
    </message>
    <message>
        <source>Let the card holder complete their bank&apos;s check below.</source>
        <translation>Kart sahibinin aşağıdaki banka doğrulamasını tamamlamasını bekleyin.</translation>
    </message>
    <message>
        <source>Let the card holder complete their bank&apos;s check in its window.</source>
        <translation>Kart sahibinin banka doğrulamasını kendi penceresinde tamamlamasını bekleyin.</translation>
    </message>
    <message>
        <source>Order {order_id}.</source>
        <translation>Sipariş {order_id}.</translation>
    </message>
    <message>
        <source>Bank authentication page</source>
        <translation>Banka doğrulama sayfası</translation>
    </message>
    <message>
        <source>Address of the page shown</source>
        <translation>Gösterilen sayfanın adresi</translation>
    </message>
    <message>
        <source>Loading the bank&apos;s page…</source>
        <translation>Banka sayfası yükleniyor…</translation>
    </message>
    <message>
        <source>Authentication status</source>
        <translation>Doğrulama durumu</translation>
    </message>
    <message>
        <source>Cancel authentication</source>
        <translation>Doğrulamayı iptal et</translation>
    </message>
    <message>
        <source>Cancel 3-D Secure authentication; nothing is charged</source>
        <translation>3-D Secure doğrulamasını iptal et; hiçbir tutar çekilmez</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Kapat</translation>
    </message>
    <message>
        <source>Close; nothing is charged</source>
        <translation>Kapat; hiçbir tutar çekilmez</translation>
    </message>
    <message>
        <source>Waiting for the card holder…</source>
        <translation>Kart sahibi bekleniyor…</translation>
    </message>
    <message>
        <source>The page tried to go to {url}, which this terminal does not allow.</source>
        <translation>Sayfa {url} adresine gitmeye çalıştı; bu terminal buna izin vermez.</translation>
    </message>
    <message>
        <source>The bank&apos;s page could not be loaded (no connection to the gateway?).</source>
        <translation>Banka sayfası yüklenemedi (ödeme geçidiyle bağlantı yok mu?).</translation>
    </message>
    <message>
        <source>Nothing was charged. Close this window and try again.</source>
        <translation>Hiçbir tutar çekilmedi. Bu pencereyi kapatıp yeniden deneyin.</translation>
    </message>
    <message>
        <source>The bank&apos;s page ({host}) has an invalid security certificate; the payment was not sent. Nothing was charged. Close this window and try again.</source>
        <translation>Bankanın sayfasının ({host}) güvenlik sertifikası geçersiz; ödeme gönderilmedi. Hiçbir tutar çekilmedi. Bu pencereyi kapatıp yeniden deneyin.</translation>
    </message>
    <message>
        <source>{host} — invalid security certificate (refused)</source>
        <translation>{host} — geçersiz güvenlik sertifikası (reddedildi)</translation>
    </message>
    <message>
        <source>{host} — secure connection</source>
        <translation>{host} — güvenli bağlantı</translation>
    </message>
    <message>
        <source>{host} — this terminal (receiving the bank&apos;s answer)</source>
        <translation>{host} — bu terminal (bankanın yanıtı alınıyor)</translation>
    </message>
    <message>
        <source>{host} — training sandbox (not encrypted)</source>
        <translation>{host} — eğitim ortamı (şifresiz)</translation>
    </message>
    <message>
        <source>The bank&apos;s page could not be opened: this terminal&apos;s browser did not start. Nothing was charged. Close this window and try again.</source>
        <translation>Banka sayfası açılamadı: bu terminalin tarayıcısı başlatılamadı. Hiçbir tutar çekilmedi. Bu pencereyi kapatıp yeniden deneyin.</translation>
    </message>
    <message>
        <source>The bank&apos;s page stopped working. Nothing was charged. Close this window and try again.</source>
        <translation>Banka sayfası çalışmayı durdurdu. Hiçbir tutar çekilmedi. Bu pencereyi kapatıp yeniden deneyin.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>İptal ediliyor…</translation>
    </message>
    <message>
        <source>Waiting for the card holder&apos;s bank check…</source>
        <translation>Kart sahibinin banka doğrulaması bekleniyor…</translation>
    </message>
    <message>
        <source>Pay with 3-D Secure</source>
        <translation>3-D Secure ile öde</translation>
    </message>
    <message>
        <source>This window closes by itself when they finish.</source>
        <translation>Bitirince bu pencere kendiliğinden kapanır.</translation>
    </message>
    <message>
        <source>The card holder confirms the payment on their bank&apos;s page before it is charged.</source>
        <translation>Kart sahibi ödemeyi, çekilmeden önce bankasının sayfasında onaylar.</translation>
    </message>
    <message>
        <source>3-D Secure did not go through</source>
        <translation>3-D Secure gerçekleşmedi</translation>
    </message>
</context>
<context>
    <name>TransactionActions</name>
    <message>
        <source>The gateway&apos;s view of the selected payment</source>
        <extracomment>A void or refund ended (the :class:`TransactionOutcome`). A row was resolved (by the reconciler or by hand).</extracomment>
        <translation>Seçili ödemenin ödeme geçidindeki görünümü</translation>
    </message>
    <message>
        <source>Cancel the selected payment before the daily settlement</source>
        <translation>Seçili ödemeyi gün sonu mutabakatından önce iptal et</translation>
    </message>
    <message>
        <source>Return money of the selected settled payment</source>
        <translation>Seçili mutabakatı yapılmış ödemenin parasını iade et</translation>
    </message>
    <message>
        <source>Cannot void</source>
        <translation>İptal edilemez</translation>
    </message>
    <message>
        <source>Void {kind} {order_id} of {amount} ({card}).</source>
        <translation>{amount} tutarındaki {kind} {order_id} iptal edilsin ({card}).</translation>
    </message>
    <message>
        <source>card</source>
        <translation>kart</translation>
    </message>
    <message>
        <source>Void not sent</source>
        <translation>İptal gönderilmedi</translation>
    </message>
    <message>
        <source>Cannot refund</source>
        <translation>İade edilemez</translation>
    </message>
    <message>
        <source>Refund {amount} of {order_id} ({card}).</source>
        <translation>{order_id} işleminden {amount} iade edilsin ({card}).</translation>
    </message>
    <message>
        <source>Refund not sent</source>
        <translation>İade gönderilmedi</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Onay</translation>
    </message>
    <message>
        <source>{what}

Send it now?</source>
        <translation>{what}

Şimdi gönderilsin mi?</translation>
    </message>
    <message>
        <source>{why}

Nothing was sent.</source>
        <translation>{why}

Hiçbir şey gönderilmedi.</translation>
    </message>
    <message>
        <source>Manager locked out</source>
        <translation>Yönetici kilitlendi</translation>
    </message>
    <message>
        <source>Not a manager</source>
        <translation>Yönetici değil</translation>
    </message>
    <message>
        <source>Wrong manager name or PIN</source>
        <translation>Yönetici adı veya PIN&apos;i yanlış</translation>
    </message>
    <message>
        <source>Nothing was sent.

{why}</source>
        <translation>Hiçbir şey gönderilmedi.

{why}</translation>
    </message>
    <message>
        <source>Void done</source>
        <translation>İptal yapıldı</translation>
    </message>
    <message>
        <source>Refund done</source>
        <translation>İade yapıldı</translation>
    </message>
    <message>
        <source>Void: outcome unknown</source>
        <translation>İptal: sonuç bilinmiyor</translation>
    </message>
    <message>
        <source>Refund: outcome unknown</source>
        <translation>İade: sonuç bilinmiyor</translation>
    </message>
    <message>
        <source>Void refused by the gateway</source>
        <translation>Ödeme geçidi iptali reddetti</translation>
    </message>
    <message>
        <source>Refund refused by the gateway</source>
        <translation>Ödeme geçidi iadeyi reddetti</translation>
    </message>
    <message>
        <source>{message}

Nothing was changed.</source>
        <translation>{message}

Hiçbir şey değiştirilmedi.</translation>
    </message>
    <message>
        <source>The gateway could not be asked</source>
        <translation>Ödeme geçidine sorulamadı</translation>
    </message>
    <message>
        <source>The gateway has no payment with order ID {order_id}.</source>
        <translation>Ödeme geçidinde {order_id} sipariş numaralı bir ödeme yok.</translation>
    </message>
    <message>
        <source>The gateway could not be asked: {message}</source>
        <translation>Ödeme geçidine sorulamadı: {message}</translation>
    </message>
    <message>
        <source>Already resolved</source>
        <translation>Zaten çözüldü</translation>
    </message>
    <message>
        <source>This row was already resolved: {resolution}.</source>
        <translation>Bu satır zaten çözüldü: {resolution}.</translation>
    </message>
    <message>
        <source>Receipt…</source>
        <translation>Fiş…</translation>
    </message>
</context>
<context>
    <name>TransactionDetails</name>
    <message>
        <source>At the gateway</source>
        <extracomment>The Details dialog&apos;s texts, marked for lupdate: details_html translates them through its local tr().</extracomment>
        <translation>Ödeme geçidinde</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Durum</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tür</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Tutar</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Bakiye</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Oluşturulma zamanı</translation>
    </message>
    <message>
        <source>Installments</source>
        <translation>Taksitler</translation>
    </message>
    <message>
        <source>Transaction ID</source>
        <translation>İşlem numarası</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Hatalar</translation>
    </message>
    <message>
        <source>What followed</source>
        <translation>Ardından olanlar</translation>
    </message>
    <message>
        <source>No voids, refunds or captures.</source>
        <translation>İptal, iade veya tahsilat yok.</translation>
    </message>
    <message>
        <source>No answer.</source>
        <translation>Yanıt yok.</translation>
    </message>
    <message>
        <source>In this terminal&apos;s journal</source>
        <translation>Bu terminalin işlem günlüğünde</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tür</translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation>Sipariş no</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Durum</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Kart</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Onaylayan</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operatör</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Sonuç</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Not</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Netleştirme</translation>
    </message>
    <message>
        <source>Resolved at</source>
        <translation>Çözüldüğü zaman</translation>
    </message>
    <message>
        <source>Voids, refunds and captures sent from here</source>
        <translation>Buradan gönderilen iptal, iade ve tahsilatlar</translation>
    </message>
    <message>
        <source>, approved by {who}</source>
        <translation>, onaylayan: {who}</translation>
    </message>
    <message>
        <source>, by {operator}</source>
        <translation>, yapan: {operator}</translation>
    </message>
</context>
<context>
    <name>TransactionDetailsDialog</name>
    <message>
        <source>Details of {order_id}</source>
        <translation>{order_id} ayrıntıları</translation>
    </message>
    <message>
        <source>Payment details</source>
        <translation>Ödeme ayrıntıları</translation>
    </message>
    <message>
        <source>Record verified outcome…</source>
        <translation>Doğrulanan sonucu kaydet…</translation>
    </message>
    <message>
        <source>Record verified outcome</source>
        <translation>Doğrulanan sonucu kaydet</translation>
    </message>
    <message>
        <source>For a payment the gateway cannot resolve: record what you checked elsewhere</source>
        <translation>Ödeme geçidinin çözemediği bir ödeme için: başka yerde kontrol ettiğinizi kaydedin</translation>
    </message>
</context>
</TS>
