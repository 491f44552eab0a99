package shop.flow;

public final class DirectFlowFactory implements FlowFactory {
    @Override
    public String name() {
        return DirectFlow.NAME;
    }

    @Override
    public OrderFlow create(ShopContext context) {
        return new DirectFlow(context.domain(), context.listener());
    }
}
