package shop.app;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Loads every class it holds itself before asking its parent. The shop's own classpath has the solutions; this
 * loader holds one folder or jar per lab (the attendee's where their check passes, the solution elsewhere), so a
 * solution class that calls a lab's class gets the attendee's class, not the solution's.
 */
final class ChildFirstClassLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    ChildFirstClassLoader(List<URL> urls, ClassLoader parent) {
        super("labs", urls.toArray(URL[]::new), parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                try {
                    loaded = findClass(name);
                } catch (ClassNotFoundException notOurs) {
                    return super.loadClass(name, resolve);
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public URL getResource(String name) {
        URL ours = findResource(name);
        return ours != null ? ours : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
        Enumeration<URL> parents = getParent().getResources(name);
        while (parents.hasMoreElements()) {
            all.add(parents.nextElement());
        }
        return Collections.enumeration(all);
    }
}
