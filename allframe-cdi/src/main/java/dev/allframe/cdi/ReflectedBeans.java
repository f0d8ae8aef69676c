package dev.allframe.cdi;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The application's beans read by reflection, as a container without portable extensions leaves them: the same
 * classes give the same {@link FoundBeans} when the build checks them and when the application starts.
 */
final class ReflectedBeans {

    private ReflectedBeans() {
    }

    /**
     * What the beans of {@code beanClasses}, each of the scope at the same index, hold for AllFrame.
     *
     * @param typeRestricted the classes among them whose bean types leave out the class itself
     */
    static DeploymentPlan.Found found(List<Class<?>> beanClasses, List<Class<? extends Annotation>> scopes,
                                      List<Class<?>> typeRestricted, boolean applicationEventStore) {
        FoundBeans found = new FoundBeans();
        for (int i = 0; i < beanClasses.size(); i++) {
            Class<?> beanClass = beanClasses.get(i);
            found.add(beanClass, scopes.get(i), beanClass::getAnnotation, methods(beanClass).stream()
                    .map(method -> new FoundBeans.Member(method, method::getAnnotation)).toList());
        }
        Set<Class<?>> handlerBeans = found.handlerBeans();
        return found.found(typeRestricted.stream().filter(handlerBeans::contains).toList(), applicationEventStore);
    }

    /**
     * The methods of {@code type} and of its superclasses, an overridden one only as its subclass declares it: the
     * methods a CDI container's model of the class holds.
     */
    static List<Method> methods(Class<?> type) {
        List<Method> methods = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Class<?> declaring = type; declaring != null && declaring != Object.class;
             declaring = declaring.getSuperclass()) {
            for (Method method : declaring.getDeclaredMethods()) {
                String signature = method.getName() + Arrays.toString(method.getParameterTypes());
                if (method.isSynthetic() || method.isBridge() || !seen.add(signature)) {
                    continue;
                }
                methods.add(method);
            }
        }
        return methods;
    }
}
