public class T { [Fact] public void A() => Assert.Equal(1, 1); }
