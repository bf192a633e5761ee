/*
 * The deployment guide in Swedish, as help/driftsattning.html (the README has it in English). Every step is
 * checked against Microsoft's documentation; the pages are cited at the end.
 */

/** What a static server must send for each kind of file in the package. */
export const MIME_TYPES: readonly (readonly [string, string])[] = [
  [".html", "text/html; charset=utf-8"],
  [".js", "text/javascript; charset=utf-8"],
  [".json", "application/json; charset=utf-8"],
  [".css", "text/css; charset=utf-8"],
  [".png", "image/png"],
  [".xml", "application/xml; charset=utf-8"],
  [".txt", "text/plain; charset=utf-8"],
];

export const SOURCES: readonly (readonly [string, string])[] = [
  [
    "Deploy add-ins in the Microsoft 365 admin center",
    "https://learn.microsoft.com/microsoft-365/admin/manage/manage-deployment-of-add-ins",
  ],
  [
    "Determine if centralized deployment of add-ins works for your organization",
    "https://learn.microsoft.com/microsoft-365/admin/manage/centralized-deployment-of-add-ins",
  ],
  [
    "Sideload Office Add-ins to Office on the web",
    "https://learn.microsoft.com/office/dev/add-ins/testing/sideload-office-add-ins-for-testing",
  ],
  [
    "Sideload Office Add-ins for testing from a network share",
    "https://learn.microsoft.com/office/dev/add-ins/testing/create-a-network-shared-folder-catalog-for-task-pane-and-content-add-ins",
  ],
  [
    "Sideload Office Add-ins on Mac for testing",
    "https://learn.microsoft.com/office/dev/add-ins/testing/sideload-an-office-add-in-on-mac",
  ],
  ["Image element (manifest): caching of icons", "https://learn.microsoft.com/javascript/api/manifest/image"],
  [
    "Custom functions naming and localization",
    "https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming",
  ],
];

const mimeRows = MIME_TYPES.map(
  ([ext, type]) => `<tr><td><code>${ext}</code></td><td><code>${type}</code></td></tr>`
).join("\n");

export const DEPLOYMENT_GUIDE = `<h1>Driftsätta SKL Äldrestöd</h1>
<p class="lead">För IT: bygg paketet, lägg det på en https-server, prova det och dela ut det till en grupp användare i Microsoft 365.</p>

<h2>1. Bygg paketet</h2>
<p>I en klon av projektet, med Node.js 20:</p>
<pre><code>npm ci
npm run package -- --url https://server.example.se/skl/ --out skl-paket</code></pre>
<p><code>--url</code> är adressen där mappen kommer att ligga (https, utan <code>?</code> eller <code>#</code>). Kommandot skriver mappen <code>skl-paket</code> (standard: <code>package/</code>) och vägrar skriva över en befintlig mapp utan <code>--force</code>; med <code>--force</code> ersätts bara ett tidigare paket (mappen får inte ha andra filer än paketets egna, oändrade). Filerna blir läsbara för alla (0644, mappar 0755), så att en webbserver som kör som en annan användare kan visa dem. Varje adress i <code>manifest.xml</code> pekar in i mappen under den adressen.</p>

<h2>2. Lägg upp mappen på en https-server</h2>
<p>Lägg upp hela mappen som den är, så att <code>https://server.example.se/skl/taskpane.html</code> svarar. Den innehåller:</p>
<table>
<thead><tr><th scope="col">Fil</th><th scope="col">Vad den är</th></tr></thead>
<tbody>
<tr><td><code>manifest.xml</code></td><td>Tilläggets manifest: det som laddas upp i Excel eller i administrationscentret.</td></tr>
<tr><td><code>taskpane.html</code>, <code>taskpane.css</code></td><td>Åtgärdsfönstret, som också kör funktionerna (delad körmiljö).</td></tr>
<tr><td><code>runtime.js</code>, <code>engine.js</code>, <code>taskpane.js</code>, <code>functions.js</code></td><td>Skripten: motorn och decimal.js finns en gång, i <code>engine.js</code>.</td></tr>
<tr><td><code>functions-sv.json</code>, <code>functions.json</code></td><td>Funktionernas beskrivningar på svenska (standard) och engelska.</td></tr>
<tr><td><code>assets/</code></td><td>Ikonerna.</td></tr>
<tr><td><code>help/</code></td><td>Hjälpsidorna, som Excels länk ”Hjälp för den här funktionen” öppnar.</td></tr>
<tr><td><code>package-files.json</code></td><td>Listan över paketets egna filer med deras SHA-256. <code>--force</code> ersätter en mapp bara när den inte har något annat än de här filerna, oändrade; servern behöver inte visa den.</td></tr>
</tbody></table>
<p>Servern ska skicka rätt innehållstyp:</p>
<table><thead><tr><th scope="col">Filändelse</th><th scope="col">Content-Type</th></tr></thead>
<tbody>
${mimeRows}
</tbody></table>
<p><strong>Cachning:</strong> ikonerna i <code>assets/</code> ska skickas <em>utan</em> <code>Cache-Control</code>-huvud. Office cachar ikoner själv, och med till exempel <code>Cache-Control: no-store</code> visar Office en standardbild i stället för tilläggets ikon. En ny ikon måste därför få ett nytt filnamn. Övriga filer kan skickas med <code>Cache-Control: no-cache</code>, så att en ny version märks direkt. Skicka <code>Access-Control-Allow-Origin: *</code> för JSON-filerna, som <code>npm start</code> gör.</p>

<h2>3. Prova först</h2>
<ul>
<li><strong>Excel på webben:</strong> öppna en arbetsbok, välj Infoga → Tillägg (Office-tillägg) → Mina tillägg → Hantera mina tillägg → Ladda upp mitt tillägg, bläddra till <code>manifest.xml</code> och välj Ladda upp. Tillägget finns kvar i webbläsaren tills dess cache töms.</li>
<li><strong>Excel i Windows:</strong> dela en nätverksmapp, lägg <code>manifest.xml</code> i den och ange mappens nätverkssökväg som betrodd katalog: Arkiv → Alternativ → Säkerhetscenter → Inställningar för Säkerhetscenter → Betrodda tilläggskataloger, Katalog-URL, Lägg till katalog, kryssa i Visa på menyn. Starta om Excel och välj Infoga → Mina tillägg → DELAD MAPP. Microsoft anger att detta bara är för test, inte för drift.</li>
<li><strong>Excel på Mac:</strong> kopiera <code>manifest.xml</code> till <code>~/Library/Containers/com.microsoft.Excel/Data/Documents/wef</code> (skapa mappen <code>wef</code> om den saknas), starta om Excel och välj tillägget under Utvecklartillägg i menyn Mina tillägg på fliken Infoga.</li>
</ul>
<p>I Excel ska knappen Äldrestöd synas på fliken Start, och <code>=SKL.PALLIATIVE_SHARE(</code> ska visa svenska argumentnamn när Excel är på svenska.</p>

<h2>4. Dela ut till en grupp användare (centraliserad distribution)</h2>
<ol>
<li>Logga in i Microsoft 365 administrationscenter som global administratör eller Exchange-administratör.</li>
<li>Gå till Inställningar → Integrerade appar och välj Ladda upp anpassade appar; välj Office-tillägg som apptyp.</li>
<li>Ladda upp <code>manifest.xml</code> från datorn (eller ange dess adress på servern).</li>
<li>Välj vilka som får tillägget: en grupp (rekommenderas; nya medlemmar får det automatiskt), enskilda användare, hela organisationen eller bara dig själv för ett första test.</li>
<li>Välj Distribuera. Det kan ta upp till 24 timmar innan tillägget syns hos alla; användarna kan behöva starta om Excel.</li>
</ol>
<p>Microsoft rekommenderar att först dela ut till en liten grupp, sedan till fler och sist till alla.</p>

<h2>5. Uppdatera till en ny version</h2>
<ol>
<li>Höj <code>version</code> i <code>package.json</code> (manifestets <code>&lt;Version&gt;</code> följer den; <code>&lt;Id&gt;</code> ändras aldrig).</li>
<li>Bygg ett nytt paket med samma <code>--url</code> och ersätt filerna på servern. Ändrade skript och hjälpsidor gäller nästa gång Excel laddar tillägget.</li>
<li>Har <code>manifest.xml</code> ändrats (namn, knappar, krav, nya funktioner): välj tillägget under Integrerade appar i administrationscentret, välj Uppdatera och ladda upp det nya manifestet. Uppdateringen godtas bara om versionen är högre än den som är utdelad.</li>
</ol>

<h2>Källor</h2>
<ul>
${SOURCES.map(([title, url]) => `<li><a href="${url}" lang="en">${title}</a></li>`).join("\n")}
</ul>
`;
