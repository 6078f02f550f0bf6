package org.sangdam.bench;

import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The EAR the benchmark deploys: the real {@code sangdam.ear}, unchanged, plus the
 * bench-only WAR ({@code /sangdam-bench}, package {@code org.sangdam.bench.server}),
 * the way the integration tests add their test WAR.
 */
public final class BenchEar {
    private BenchEar() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: BenchEar <sangdam.ear> <out.ear>");
            System.exit(2);
        }
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(args[0]));
        WebArchive war = ShrinkWrap.create(WebArchive.class, "sangdam-bench.war")
                .addPackages(false, "org.sangdam.bench.server")
                .addAsWebInfResource("bench-war/beans.xml", "beans.xml")
                .addAsWebInfResource("bench-war/jboss-web.xml", "jboss-web.xml")
                .addAsWebInfResource("bench-war/jboss-ejb3.xml", "jboss-ejb3.xml")
                .setManifest("bench-war/MANIFEST.MF");
        String xml = read(ear, "META-INF/application.xml")
                .replace("</application>", "  <module><web><web-uri>sangdam-bench.war</web-uri>"
                        + "<context-root>/sangdam-bench</context-root></web></module>\n</application>");
        ear.delete("META-INF/application.xml");
        ear.addAsModule(war).setApplicationXML(new StringAsset(xml));
        ear.as(ZipExporter.class).exportTo(new File(args[1]), true);
        System.out.println("bench EAR: " + args[1]);
    }

    private static String read(Archive<?> archive, String path) {
        try (InputStream in = archive.get(path).getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
